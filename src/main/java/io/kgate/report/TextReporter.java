package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.finding.Severity;
import io.kgate.load.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code file:line:column: severity rule-id: message (Kind ns/name)}, one per line, then a summary. */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";

    @Override
    public String render(LintResult result, ReportOptions options) {
        StringBuilder sb = new StringBuilder();
        try {
            write(result, options, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** Line by line: the report of a large tree is never held whole. */
    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        for (Finding f : result.findings()) {
            line(f, options.color(), out);
            out.append('\n');
        }
        for (Skipped s : result.load().skipped()) {
            out.append(s.file()).append(": skipped: ").append(s.reason()).append('\n');
        }
        out.append(summary(result)).append('\n');
    }

    static String line(Finding f, boolean color) {
        StringBuilder sb = new StringBuilder();
        try {
            line(f, color, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void line(Finding f, boolean color, Appendable out) throws IOException {
        out.append(f.file()).append(':').append(Integer.toString(f.pos().line())).append(':')
                .append(Integer.toString(f.pos().column())).append(": ");
        String sev = f.severity().id();
        if (color) {
            out.append(colour(f.severity())).append(sev).append(RESET).append(' ').append("\u001b[1m").append(f.rule())
                    .append(RESET);
        } else {
            out.append(sev).append(' ').append(f.rule());
        }
        out.append(": ").append(f.message());
        if (f.object() != null) {
            out.append(" (").append(f.object().display()).append(')');
        }
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
