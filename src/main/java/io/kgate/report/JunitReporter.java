package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import java.util.List;

/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one testsuite per file, one testcase
 * per object, one failure per finding of that object. Findings about a whole file (a syntax error)
 * belong to a testcase named after the file; a skipped file is a testsuite whose single testcase
 * is skipped with the reason. Every finding is a failure, whatever its severity: --fail-on decides
 * the exit code, the report shows everything found.
 */
public final class JunitReporter implements Reporter {
    static final String FILE_CASE = "(file)";

    @Override
    public String render(LintResult result, ReportOptions options) {
        ReportFiles files = ReportFiles.of(result);
        StringBuilder body = new StringBuilder();
        int tests = 0;
        int failures = 0;
        for (ReportFiles.FileEntry f : files.files()) {
            int suiteTests = f.objects().size() + (f.fileFindings().isEmpty() && f.skipReason() == null ? 0 : 1);
            int suiteFailures = 0;
            for (ReportFiles.ObjectEntry o : f.objects()) {
                suiteFailures += o.findings().isEmpty() ? 0 : 1;
            }
            suiteFailures += f.fileFindings().isEmpty() ? 0 : 1;
            boolean skippedCase = f.skipReason() != null && f.fileFindings().isEmpty();
            tests += suiteTests;
            failures += suiteFailures;
            body.append("  <testsuite name=\"").append(Xml.attr(f.name())).append("\" tests=\"").append(suiteTests)
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"")
                    .append(skippedCase ? 1 : 0).append("\">\n");
            if (!f.fileFindings().isEmpty() || f.skipReason() != null) {
                testcase(body, f.name(), FILE_CASE, f.fileFindings(), skippedCase ? f.skipReason() : null);
            }
            for (ReportFiles.ObjectEntry o : f.objects()) {
                testcase(body, f.name(), o.ref().display(), o.findings(), null);
            }
            body.append("  </testsuite>\n");
        }
        return Xml.DECLARATION + "<testsuites name=\"kgate " + Xml.attr(options.toolVersion()) + "\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\">\n" + body + "</testsuites>\n";
    }

    private static void testcase(StringBuilder sb, String file, String name, List<Finding> findings, String skip) {
        sb.append("    <testcase classname=\"").append(Xml.attr(file)).append("\" name=\"").append(Xml.attr(name))
                .append('"');
        if (findings.isEmpty() && skip == null) {
            sb.append("/>\n");
            return;
        }
        sb.append(">\n");
        if (skip != null) {
            sb.append("      <skipped>").append(Xml.text(skip)).append("</skipped>\n");
        }
        for (Finding f : findings) {
            sb.append("      <failure type=\"").append(Xml.attr(f.rule())).append("\" message=\"")
                    .append(Xml.attr(f.severity().id() + " " + f.rule() + ": " + f.message())).append("\">")
                    .append(Xml.text(TextReporter.line(f, false))).append("</failure>\n");
        }
        sb.append("    </testcase>\n");
    }
}
