package io.kgate.report;

import io.kgate.finding.RuleCatalog;

/**
 * What every format needs besides the findings: the tool version, whether to colour text, and the
 * run's rule catalogue (rule descriptions for SARIF and the audit).
 */
public record ReportOptions(String toolVersion, boolean color, RuleCatalog rules) {
}
