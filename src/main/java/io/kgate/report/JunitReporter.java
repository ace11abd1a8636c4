package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import java.io.IOException;
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
        return Reporter.rendered(this, result, options);
    }

    /** The totals come first, in the root element: counted over every file, then each file written. */
    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        ReportFiles files = ReportFiles.of(result);
        int tests = 0;
        int failures = 0;
        for (ReportFiles.FileEntry f : files.files()) {
            tests += tests(f);
            failures += failures(f);
        }
        StringBuilder body = new StringBuilder(Xml.DECLARATION).append("<testsuites name=\"kgate ")
                .append(Xml.attr(options.toolVersion())).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\">\n");
        for (ReportFiles.FileEntry f : files.files()) {
            boolean skippedCase = f.skipReason() != null && f.fileFindings().isEmpty();
            body.append("  <testsuite name=\"").append(Xml.attr(f.name())).append("\" tests=\"").append(tests(f))
                    .append("\" failures=\"").append(failures(f)).append("\" errors=\"0\" skipped=\"")
                    .append(skippedCase ? 1 : 0).append("\">\n");
            if (!f.fileFindings().isEmpty() || f.skipReason() != null) {
                testcase(body, f.name(), FILE_CASE, f.fileFindings(), skippedCase ? f.skipReason() : null);
            }
            for (ReportFiles.ObjectEntry o : f.objects()) {
                testcase(body, f.name(), o.ref().display(), o.findings(), null);
            }
            body.append("  </testsuite>\n");
            Reporter.passOnWhenFull(body, out);
        }
        out.append(body).append("</testsuites>\n");
    }

    /** A file's test cases: one per object, and one for the file when it has findings of its own or was skipped. */
    private static int tests(ReportFiles.FileEntry f) {
        return f.objects().size() + (f.fileFindings().isEmpty() && f.skipReason() == null ? 0 : 1);
    }

    /** A file's failed test cases: those with findings. */
    private static int failures(ReportFiles.FileEntry f) {
        int failures = f.fileFindings().isEmpty() ? 0 : 1;
        for (ReportFiles.ObjectEntry o : f.objects()) {
            failures += o.findings().isEmpty() ? 0 : 1;
        }
        return failures;
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
