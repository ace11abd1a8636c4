package io.kgate.load;

/**
 * A part of a text copied into a char array, for the scanners that look at every character
 * ({@link TextLines}, {@link BlockYaml}): in the native executable {@link String#charAt} is a call
 * that is not inlined (a tenth of the run on a large tree), an array read is one instruction. One
 * array per thread is reused up to {@link #KEPT} characters; a longer text gets its own.
 */
final class TextChars {
    /** Manifests' documents are a few KiB; a longer array would only be memory held by each thread. */
    static final int KEPT = 1 << 16;
    /** Sized to the longest text the thread has had, up to {@link #KEPT}: a small run allocates little. */
    private static final ThreadLocal<char[]> REUSED = ThreadLocal.withInitial(() -> new char[1024]);

    private TextChars() {
    }

    /**
     * text[start, end) at index 0 of an array (valid until the thread's next call), which may be longer.
     */
    static char[] of(String text, int start, int end) {
        int length = end - start;
        char[] chars;
        if (length > KEPT) {
            chars = new char[length];
        } else {
            chars = REUSED.get();
            if (chars.length < length) {
                chars = new char[Math.min(KEPT, Integer.highestOneBit(length) << 1)];
                REUSED.set(chars);
            }
        }
        text.getChars(start, end, chars, 0);
        return chars;
    }
}
