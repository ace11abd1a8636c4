package io.kgate.report;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import java.io.IOException;

/**
 * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=RULE::MESSAGE}, one
 * per finding, shown as annotations on the pull request. Severity maps to error, warning, notice.
 */
public final class GithubReporter implements Reporter {
    @Override
    public String render(LintResult result, ReportOptions options) {
        return Reporter.rendered(this, result, options);
    }

    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Finding f : result.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String message = f.object() == null ? f.message() : f.message() + " (" + f.object().display() + ")";
            sb.append("::").append(command)
                    .append(" file=").append(property(ReportPaths.relative(f.file())))
                    .append(",line=").append(f.line())
                    .append(",col=").append(f.column())
                    .append(",title=").append(property(f.rule()))
                    .append("::").append(data(message)).append('\n');
            Reporter.passOnWhenFull(sb, out);
        }
        out.append(sb);
    }

    /** Escaping of a command's message, as the Actions runner unescapes it. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a property value: the message escapes plus ':' and ','. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
