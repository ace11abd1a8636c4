package io.kgate.load;

/**
 * One String for each short key or value that manifests repeat ({@code apiVersion}, {@code name},
 * {@code TCP}...), instead of a copy per occurrence: the cut is not allocated when the text is already
 * known, and what the tree pass keeps of 100,000 objects shares its keys. A lossy memo of immutable
 * values, one per thread: a table shared by the parsing threads was written by both, and its cache
 * lines moved between the cores at every key. Nothing depends on what it holds, only how much memory
 * the same result takes.
 */
final class SharedStrings {
    /** Longer text is rarely repeated and would only evict the short keys. */
    private static final int LONGEST = 40;
    private static final int SLOTS = 1 << 13;
    private static final ThreadLocal<SharedStrings> OF_THREAD = ThreadLocal.withInitial(SharedStrings::new);

    private final String[] strings = new String[SLOTS];
    /** The hash of strings[slot]: most misses are told apart without reading the string. */
    private final int[] hashes = new int[SLOTS];

    private SharedStrings() {
    }

    /** The memo of the calling thread; kept by a reader for its whole run, not looked up per cut. */
    static SharedStrings ofThread() {
        return OF_THREAD.get();
    }

    /**
     * {@code text.substring(from, to)}, shared when the same text was cut before; {@code chars} holds
     * the same characters, text[i] at chars[i - offset], and is what is scanned.
     */
    String cut(String text, char[] chars, int offset, int from, int to) {
        int length = to - from;
        if (length > LONGEST) {
            return text.substring(from, to);
        }
        int h = 0;
        for (int i = from - offset, e = to - offset; i < e; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 13)) & (SLOTS - 1);
        String known = strings[slot];
        if (known != null && hashes[slot] == h && known.length() == length
                && known.regionMatches(0, text, from, length)) {
            return known;
        }
        String s = text.substring(from, to);
        strings[slot] = s;
        hashes[slot] = h;
        return s;
    }
}
