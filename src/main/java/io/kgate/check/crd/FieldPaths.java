package io.kgate.check.crd;

import io.kgate.model.JsonPointer;

/** The {@code fieldPath} of a validation rule (".spec.replicas", ".labels['app.kubernetes.io/name']", ".ports[0]"). */
final class FieldPaths {
    private FieldPaths() {
    }

    /** The JSON pointer the path leads to from the rule's node; null when it cannot be read. */
    static String toPointer(String fieldPath) {
        String pointer = "";
        String p = fieldPath.strip();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                    j++;
                }
                if (j == i + 1) {
                    return null;
                }
                pointer = JsonPointer.child(pointer, p.substring(i + 1, j));
                i = j;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                String inner = p.substring(i + 1, end).strip();
                if ((inner.startsWith("'") && inner.endsWith("'") || inner.startsWith("\"") && inner.endsWith("\""))
                        && inner.length() >= 2) {
                    pointer = JsonPointer.child(pointer, inner.substring(1, inner.length() - 1));
                } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
                    pointer = JsonPointer.child(pointer, Integer.parseInt(inner));
                } else {
                    return null;
                }
                i = end + 1;
            } else {
                return null;
            }
        }
        return pointer;
    }
}
