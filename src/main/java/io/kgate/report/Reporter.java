package io.kgate.report;

import io.kgate.check.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns a run's result into one output format. */
public interface Reporter {
    String render(LintResult result, ReportOptions options);

    /**
     * Writes the report to {@code out}. A format whose report can be large overrides this to write as
     * it goes, so a run with hundreds of thousands of findings never holds its report as one string.
     */
    default void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        out.append(render(result, options));
    }

    /** The report of a reporter that writes as it goes, made whole (tests, a small run). */
    static String rendered(Reporter reporter, LintResult result, ReportOptions options) {
        StringBuilder sb = new StringBuilder();
        try {
            reporter.write(result, options, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** Characters a reporter gathers before it passes them on: a report is then never held whole. */
    int PIECE = 1 << 16;

    /** {@code piece} passed on to {@code out} and emptied once it holds {@link #PIECE} characters. */
    static void passOnWhenFull(StringBuilder piece, Appendable out) throws IOException {
        if (piece.length() >= PIECE) {
            out.append(piece);
            piece.setLength(0);
        }
    }
}
