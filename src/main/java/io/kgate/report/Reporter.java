package io.kgate.report;

import io.kgate.check.LintResult;

/** Turns a run's result into one output format. */
public interface Reporter {
    String render(LintResult result, ReportOptions options);
}
