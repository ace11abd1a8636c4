package io.kgate.report;

/** What every format needs besides the findings: the tool version and whether to colour text. */
public record ReportOptions(String toolVersion, boolean color) {
}
