package io.kgate.finding;

import java.util.Comparator;

/** Orders file names as reports list them: by path segments, stdin ("-") first. */
final class FileOrder {
    static final Comparator<String> COMPARATOR = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals("-")) {
            return -1;
        }
        if (b.equals("-")) {
            return 1;
        }
        // a separator sorts before every other character; compared in place, as a sort of a large
        // report compares file names millions of times
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = rank(a.charAt(i));
            char y = rank(b.charAt(i));
            if (x != y) {
                return x - y;
            }
        }
        return a.length() - b.length();
    };

    private static char rank(char c) {
        return c == '/' || c == '\\' ? '\u0000' : c;
    }

    /**
     * A key whose natural order is {@link #COMPARATOR}'s, made once per name for sorting many: each
     * separator ranked as {@link #rank} does, stdin as the empty key.
     */
    static String key(String name) {
        return name.equals("-") ? "" : name.replace('/', '\u0000').replace('\\', '\u0000');
    }

    private FileOrder() {
    }
}
