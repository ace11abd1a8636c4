package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;

/**
 * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=RULE::MESSAGE}, one
 * per finding, shown as annotations on the pull request. Severity maps to error, warning, notice.
 */
public final class GithubReporter implements Reporter {
    @Override
    public String render(LintResult result, ReportOptions options) {
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
        }
        return sb.toString();
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
