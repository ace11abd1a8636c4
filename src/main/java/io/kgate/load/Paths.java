package io.kgate.load;

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
