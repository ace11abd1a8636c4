package io.kgate.model;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: the "path" of a finding. */
public final class JsonPointer {
    private static final int SHARED_SLOTS = 1 << 12;
    private static final String[] SHARED = new String[SHARED_SLOTS];

    private JsonPointer() {
    }

    /**
     * {@code pointer}, or an equal String met before. A run keeps its findings until the report, and
     * 250,000 findings point at a few dozen places ("/spec/template/spec/containers/0/name"): one
     * String each, not two objects per finding for every complete collection to copy. A lossy memo of
     * immutable values, safe across threads (a String is published through its final fields); only
     * memory depends on what it holds.
     */
    public static String shared(String pointer) {
        if (pointer == null) {
            return null;
        }
        int h = pointer.hashCode();
        int slot = (h ^ (h >>> 16)) & (SHARED_SLOTS - 1);
        String known = SHARED[slot];
        if (pointer.equals(known)) {
            return known;
        }
        SHARED[slot] = pointer;
        return pointer;
    }

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static List<String> split(String pointer) {
        List<String> steps = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return steps;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            steps.add(unescape(raw));
        }
        return steps;
    }

    /** One step of a pointer as the key it names ("~1" is "/", "~0" is "~"). */
    static String unescape(String step) {
        return step.indexOf('~') < 0 ? step : step.replace("~1", "/").replace("~0", "~");
    }

    public static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

    static int index(String step) {
        if (step.isEmpty() || step.length() > 9) {
            return -1;
        }
        for (int i = 0; i < step.length(); i++) {
            if (!Character.isDigit(step.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(step);
    }

    /** "spec.template.spec.containers[0].image": how people write a field in messages. */
    public static String toDotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String step : split(pointer)) {
            if (index(step) >= 0) {
                sb.append('[').append(step).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(step.contains(".") || step.contains(" ") ? "\"" + step + "\"" : step);
            }
        }
        return sb.toString();
    }
}
