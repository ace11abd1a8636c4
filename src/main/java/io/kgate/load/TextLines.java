package io.kgate.load;

import io.kgate.model.SourceFile;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The lines of a text, split where {@link String#lines()} splits them (at "\n", "\r" and "\r\n"), as
 * a view with each line's offsets: a line is cut from the text only when asked for, and documents
 * are cut at line boundaries, so a file's text is held once however large it is.
 */
final class TextLines extends AbstractList<String> implements RandomAccess {
    private final String text;
    /** Line i is text[starts[i], ends[i]); the next line starts after its terminator. */
    private final int[] starts;
    private final int[] ends;
    private final int size;

    private TextLines(String text, int[] starts, int[] ends, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    static TextLines of(String text) {
        int n = text.length();
        int terminators = 0; // counted first: arrays of the right size, not doubled from 16 (a \r\n counts twice)
        for (int base = 0; base < n; base += TextChars.KEPT) {
            int limit = Math.min(n, base + TextChars.KEPT);
            char[] chars = TextChars.of(text, base, limit);
            for (int i = 0, e = limit - base; i < e; i++) {
                char c = chars[i];
                if (c == '\n' || c == '\r') {
                    terminators++;
                }
            }
        }
        int[] starts = new int[terminators + 1];
        int[] ends = new int[terminators + 1];
        int size = 0;
        int pos = 0; // where the current line starts
        boolean afterCarriageReturn = false; // a '\n' just after a '\r' ends no line: "\r\n" is one terminator
        // in windows of the reused array: a file of 50 MB is not copied whole
        for (int base = 0; base < n; base += TextChars.KEPT) {
            int limit = Math.min(n, base + TextChars.KEPT);
            char[] chars = TextChars.of(text, base, limit);
            for (int i = base; i < limit; i++) {
                char c = chars[i - base];
                if (c == '\n' && afterCarriageReturn) {
                    pos = i + 1;
                } else if (c == '\n' || c == '\r') {
                    starts[size] = pos;
                    ends[size] = i;
                    size++;
                    pos = i + 1;
                }
                afterCarriageReturn = c == '\r';
            }
        }
        if (pos < n) {
            starts[size] = pos;
            ends[size] = n;
            size++;
        }
        return new TextLines(text, starts, ends, size);
    }

    String text() {
        return text;
    }

    /** Offset of the first character of line {@code i} (0-based); the text's length for i == size(). */
    int start(int i) {
        return i == size ? text.length() : starts[i];
    }

    /** Offset just after the last character of line {@code i}, before its terminator. */
    int end(int i) {
        return ends[i];
    }

    /**
     * The file keeping only its lines with a {@code #} (see {@link SourceFile#keepingComments}), found
     * without cutting every line out of the text.
     */
    SourceFile keepingComments(String displayName) {
        int[] numbers = new int[8];
        int kept = 0;
        // from each '#' to the line that holds it (a binary search of the line starts), then on from the next line
        for (int hash = text.indexOf('#'); hash >= 0;) {
            int at = Arrays.binarySearch(starts, 0, size, hash);
            int line = at >= 0 ? at : -at - 2;
            if (kept == numbers.length) {
                numbers = Arrays.copyOf(numbers, kept * 2);
            }
            numbers[kept++] = line + 1;
            hash = line + 1 < size ? text.indexOf('#', starts[line + 1]) : -1;
        }
        numbers = Arrays.copyOf(numbers, kept);
        String[] texts = new String[kept];
        for (int k = 0; k < kept; k++) {
            texts[k] = get(numbers[k] - 1);
        }
        return SourceFile.keepingLines(displayName, size, numbers, texts);
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return text.substring(starts[i], ends[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
