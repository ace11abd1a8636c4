package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.finding.Severity;
import io.kgate.load.Skipped;

/** {@code file:line:column: severity rule-id: message (Kind ns/name)}, one per line, then a summary. */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";

    @Override
    public String render(LintResult result, ReportOptions options) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : result.findings()) {
            sb.append(line(f, options.color())).append('\n');
        }
        for (Skipped s : result.load().skipped()) {
            sb.append(s.file()).append(": skipped: ").append(s.reason()).append('\n');
        }
        sb.append(summary(result)).append('\n');
        return sb.toString();
    }

    static String line(Finding f, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.file()).append(':').append(f.pos().line()).append(':').append(f.pos().column()).append(": ");
        String sev = f.severity().id();
        sb.append(color ? colour(f.severity()) + sev + RESET : sev);
        sb.append(' ').append(color ? "\u001b[1m" + f.rule() + RESET : f.rule()).append(": ").append(f.message());
        if (f.object() != null) {
            sb.append(" (").append(f.object().display()).append(')');
        }
        return sb.toString();
    }

    private static String colour(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }

    /** The one-line summary, also printed on stderr next to machine formats. */
    public static String summary(LintResult r) {
        var load = r.load();
        if (load.objects().isEmpty() && r.findings().isEmpty()) {
            return "kgate: no Kubernetes objects found (" + plural(load.files().size(), "file") + " read, "
                    + plural(load.skipped().size(), "skipped") + ")";
        }
        return "kgate: " + plural(load.files().size(), "file") + ", " + plural(load.documents(), "document") + ", "
                + plural(load.objects().size(), "object") + ": " + plural(r.count(Severity.ERROR), "error") + ", "
                + plural(r.count(Severity.WARNING), "warning") + ", " + plural(r.count(Severity.INFO), "info")
                + (load.skipped().isEmpty() ? "" : ", " + load.skipped().size() + " skipped");
    }

    private static String plural(long n, String word) {
        if (word.equals("skipped") || word.equals("info")) {
            return n + " " + word + (word.equals("info") && n != 1 ? "s" : "");
        }
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
