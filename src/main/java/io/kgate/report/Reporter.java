package io.kgate.report;

import io.kgate.check.LintResult;
import java.io.IOException;

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
}
