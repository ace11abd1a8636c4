package io.kgate.load;

import java.io.File;
import java.nio.file.Path;

/** Deterministic ordering of paths, independent of the file system's listing order. */
final class Paths {
    private Paths() {
    }

    static int compare(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    /**
     * The text of {@code path} after {@code base}'s and a separator, or null when {@code path} is not
     * below {@code base} (/a/bc is not below /a/b) or is {@code base}; an empty base is the current
     * directory. Compared as text: a walk asks for every file, and {@link Path#relativize} splits both
     * paths into names each time.
     */
    static String below(String base, String path) {
        if (base.isEmpty()) {
            return path.isEmpty() ? null : path;
        }
        char separator = File.separatorChar;
        int from = base.charAt(base.length() - 1) == separator ? base.length() : base.length() + 1; // "/" ends with one
        boolean below = path.length() > from && path.startsWith(base) && path.charAt(from - 1) == separator;
        return below ? path.substring(from) : null;
    }

    /**
     * The same order over paths written as text with '/' between names: name by name, so a '/' sorts
     * before every other character.
     */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x == '/' ? -1 : y == '/' ? 1 : x - y;
            }
        }
        return a.length() - b.length();
    }
}
