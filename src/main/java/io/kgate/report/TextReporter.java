package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.finding.Severity;
import io.kgate.load.Skipped;
import io.kgate.model.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@code file:line:column: severity rule-id: message (Kind ns/name)}, one per line, then a summary. */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";

    @Override
    public String render(LintResult result, ReportOptions options) {
        return Reporter.rendered(this, result, options);
    }

    /** Findings per piece of the report made on its own (on the run's threads, see {@link #write}). */
    private static final int LINES_PER_PIECE = 1024;

    /**
     * Piece by piece, each made by one of the run's threads ({@link Parallel#inOrderTo}) while the one
     * before is written: the report of a large tree is never held whole. A piece's builder, once
     * written, makes a later piece, and a writer is given the characters from one array: a report of
     * 75 MB is not allocated again as pieces, strings and copies.
     */
    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        List<Finding> findings = result.findings();
        int pieces = (findings.size() + LINES_PER_PIECE - 1) / LINES_PER_PIECE;
        Queue<StringBuilder> written = new ConcurrentLinkedQueue<>();
        char[][] chars = {new char[0]}; // the writer's one array, grown to the largest piece (the sink runs on one thread)
        try {
            Parallel.inOrderTo(pieces, i -> () -> {
                StringBuilder piece = Objects.requireNonNullElseGet(written.poll(), StringBuilder::new);
                piece.setLength(0);
                for (Finding f : findings.subList(i * LINES_PER_PIECE, Math.min(findings.size(), (i + 1) * LINES_PER_PIECE))) {
                    line(f, options.color(), piece);
                    piece.append('\n');
                }
                return piece;
            }, piece -> {
                try {
                    if (out instanceof Writer w) {
                        if (chars[0].length < piece.length()) {
                            chars[0] = new char[piece.capacity()];
                        }
                        piece.getChars(0, piece.length(), chars[0], 0);
                        w.write(chars[0], 0, piece.length());
                    } else {
                        out.append(piece);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written.add(piece);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Skipped s : result.load().skipped()) {
            out.append(s.file()).append(": skipped: ").append(s.reason()).append('\n');
        }
        out.append(summary(result)).append('\n');
    }

    static String line(Finding f, boolean color) {
        StringBuilder sb = new StringBuilder();
        line(f, color, sb);
        return sb.toString();
    }

    private static void line(Finding f, boolean color, StringBuilder out) {
        out.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ");
        String sev = f.severity().id();
        if (color) {
            out.append(colour(f.severity())).append(sev).append(RESET).append(' ').append("\u001b[1m").append(f.rule())
                    .append(RESET);
        } else {
            out.append(sev).append(' ').append(f.rule());
        }
        out.append(": ").append(f.message());
        if (f.object() != null) {
            f.object().appendDisplay(out.append(" (")).append(')');
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
