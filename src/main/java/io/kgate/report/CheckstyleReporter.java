package io.kgate.report;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import java.io.IOException;

/**
 * Checkstyle XML, read by many CI dashboards (Jenkins warnings-ng, reviewdog, SonarQube imports):
 * every file read, with one {@code error} element per finding; {@code source} is "kgate." + rule id.
 */
public final class CheckstyleReporter implements Reporter {
    @Override
    public String render(LintResult result, ReportOptions options) {
        return Reporter.rendered(this, result, options);
    }

    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder(Xml.DECLARATION);
        // 4.3 is the format version most readers expect; kgate's own version is a comment
        sb.append("<!-- kgate ").append(Xml.text(options.toolVersion()).replace("--", "- -")).append(" -->\n");
        sb.append("<checkstyle version=\"4.3\">\n");
        for (ReportFiles.FileEntry f : ReportFiles.of(result).files()) {
            Reporter.passOnWhenFull(sb, out);
            if (f.skipReason() != null && f.findings().isEmpty()) {
                continue; // not checked: listing it would claim it is clean
            }
            sb.append("  <file name=\"").append(Xml.attr(ReportPaths.relative(f.name()))).append('"');
            if (f.findings().isEmpty()) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            for (Finding x : f.findings()) {
                sb.append("    <error line=\"").append(x.line()).append("\" column=\"").append(x.column())
                        .append("\" severity=\"").append(x.severity().id()).append("\" message=\"")
                        .append(Xml.attr(x.object() == null ? x.message()
                                : x.message() + " (" + x.object().display() + ")"))
                        .append("\" source=\"kgate.").append(Xml.attr(x.rule())).append("\"/>\n");
            }
            sb.append("  </file>\n");
        }
        sb.append("</checkstyle>\n");
        out.append(sb);
    }
}
