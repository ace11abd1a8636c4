package io.kgate.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A file as kgate read it. {@code displayName} is the path as the user gave it (relative stays
 * relative; stdin is "-"); {@code lines} keeps the text for comment-based suppressions.
 */
public record SourceFile(String displayName, List<String> lines) {
    /** The text of a 1-based line, or "" outside the file. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    /**
     * A file of {@code size} lines that keeps only the text of lines {@code numbers} (1-based,
     * ascending), which is {@code texts}; the other lines read as "". The loader keeps the lines
     * holding a {@code #} (comments, where suppressions live), so a large tree does not stay in
     * memory as text.
     */
    public static SourceFile keepingLines(String displayName, int size, int[] numbers, String[] texts) {
        // most files of a large tree have no comment: one pair of empty arrays for all of them
        return new SourceFile(displayName, numbers.length == 0 ? new CommentLines(size, NO_LINES, NO_TEXTS)
                : new CommentLines(size, numbers.clone(), texts.clone()));
    }

    /** The 1-based numbers of the lines whose text is kept, ascending. */
    public int[] keptLines() {
        if (lines instanceof CommentLines c) {
            return c.numbers.clone();
        }
        int[] all = new int[lines.size()];
        Arrays.setAll(all, i -> i + 1);
        return all;
    }

    private static final int[] NO_LINES = {};
    private static final String[] NO_TEXTS = {};

    /** Lines with a '#' in them, the rest as "". */
    private static final class CommentLines extends AbstractList<String> {
        private final int size;
        /** 1-based line numbers, ascending, and their text. */
        private final int[] numbers;
        private final String[] texts;

        CommentLines(int size, int[] numbers, String[] texts) {
            this.size = size;
            this.numbers = numbers;
            this.texts = texts;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            int at = Arrays.binarySearch(numbers, index + 1);
            return at >= 0 ? texts[at] : "";
        }

        @Override
        public int size() {
            return size;
        }
    }
}
