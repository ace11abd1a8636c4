package io.kgate.model;

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
}
