package io.kgate.load;

/**
 * One String for each short key or value that manifests repeat ({@code apiVersion}, {@code name},
 * {@code TCP}...), instead of a copy per occurrence: the cut is not allocated when the text is already
 * known, and what the tree pass keeps of 100,000 objects shares its keys. A lossy memo of immutable
 * values, safe across threads (a String is safely published through its final fields); nothing
 * depends on what it holds, only how much memory the same result takes.
 */
final class SharedStrings {
    /** Longer text is rarely repeated and would only evict the short keys. */
    private static final int LONGEST = 40;
    private static final int SLOTS = 1 << 13;
    private static final String[] SLOT = new String[SLOTS];

    private SharedStrings() {
    }

    /** {@code text.substring(from, to)}, shared when the same text was cut before. */
    static String cut(String text, int from, int to) {
        int length = to - from;
        if (length > LONGEST) {
            return text.substring(from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
        String known = SLOT[slot];
        if (known != null && known.length() == length && known.regionMatches(0, text, from, length)) {
            return known;
        }
        String s = text.substring(from, to);
        SLOT[slot] = s;
        return s;
    }
}
