package io.kgate.report;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.finding.RuleDoc;
import io.kgate.finding.Severity;
import io.kgate.unit.Unit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kgate audit}: the picture an operator wants before a deploy, for people (not parsed):
 * counts per severity, findings grouped by rule and by object, the objects that passed, the files
 * skipped with the reason, then the extra sections (resource budget) of the check families.
 */
public final class AuditReporter implements Reporter {
    private final List<AuditSection> sections;

    public AuditReporter(List<AuditSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** What the sections read of each object, kept for the tree pass ({@link AuditSection#reads}). */
    public List<String> reads() {
        List<String> fields = new ArrayList<>();
        sections.forEach(s -> fields.addAll(s.reads()));
        return fields;
    }

    @Override
    public String render(LintResult r, ReportOptions options) {
        return Reporter.rendered(this, r, options);
    }

    /** Written in pieces ({@link Reporter#passOnWhenFull}): at 100,000 documents the report is over 100 MB. */
    @Override
    public void write(LintResult r, ReportOptions options, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder();
        var load = r.load();
        sb.append("kgate audit (kgate ").append(options.toolVersion()).append(")\n\n");
        sb.append("Checked: ").append(count(load.files().size(), "file")).append(", ")
                .append(count(load.documents(), "document")).append(", ")
                .append(count(load.objects().size(), "object")).append("; ")
                .append(load.skipped().size()).append(" skipped\n");
        sb.append("Findings: ").append(count(r.count(Severity.ERROR), "error")).append(", ")
                .append(count(r.count(Severity.WARNING), "warning")).append(", ")
                .append(count(r.count(Severity.INFO), "info")).append('\n');

        heading(sb, "By rule");
        Map<String, List<Finding>> byRule = new TreeMap<>();
        r.findings().forEach(f -> byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f));
        if (byRule.isEmpty()) {
            sb.append("  (no findings)\n");
        }
        for (Map.Entry<String, List<Finding>> rule : byRule.entrySet()) {
            sb.append("  ").append(rule.getKey()).append(" (").append(rule.getValue().size()).append(')');
            options.rules().doc(rule.getKey()).map(RuleDoc::shortDescription).ifPresent(d -> sb.append(": ").append(d));
            sb.append('\n');
            for (Finding f : rule.getValue()) {
                sb.append("    ").append(f.file()).append(':').append(f.line()).append(':').append(f.column())
                        .append(' ').append(f.severity().id()).append(": ").append(f.message());
                if (f.object() != null) {
                    sb.append(" (").append(f.object().display()).append(')');
                }
                sb.append('\n');
                Reporter.passOnWhenFull(sb, out);
            }
        }

        heading(sb, "By object");
        ReportFiles files = ReportFiles.of(r);
        int passed = 0;
        boolean any = false;
        for (ReportFiles.FileEntry file : files.files()) {
            if (!file.fileFindings().isEmpty()) {
                any = true;
                sb.append("  ").append(file.name()).append(" (whole file): ").append(tally(file.fileFindings()))
                        .append('\n');
                findingLines(sb, file.fileFindings(), out);
            }
            for (ReportFiles.ObjectEntry o : file.objects()) {
                if (o.findings().isEmpty()) {
                    passed++;
                    continue;
                }
                any = true;
                sb.append("  ").append(o.ref().display()).append("  ").append(file.name()).append(": ")
                        .append(tally(o.findings())).append('\n');
                findingLines(sb, o.findings(), out);
            }
        }
        if (!any) {
            sb.append("  (no findings)\n");
        }

        // the objects without findings, listed in a second walk over the files rather than kept
        heading(sb, "Passed (" + passed + (passed == 1 ? " object)" : " objects)"));
        for (ReportFiles.FileEntry file : files.files()) {
            for (ReportFiles.ObjectEntry o : file.objects()) {
                if (o.findings().isEmpty()) {
                    sb.append("  ").append(o.ref().display()).append("  ").append(file.name()).append('\n');
                    Reporter.passOnWhenFull(sb, out);
                }
            }
        }
        if (passed == 0) {
            sb.append("  (none)\n");
        }

        heading(sb, "Skipped (" + load.skipped().size() + ")");
        for (var s : load.skipped()) {
            sb.append("  ").append(s.file()).append(": ").append(s.reason()).append('\n');
            Reporter.passOnWhenFull(sb, out);
        }
        if (load.skipped().isEmpty()) {
            sb.append("  (none)\n");
        }

        if (!r.units().isEmpty()) {
            heading(sb, "Units (" + r.units().size() + "; objects are linked within their unit)");
            for (Unit u : r.units()) {
                sb.append("  ").append(u.name()).append(": ").append(count(u.objects().size(), "object"));
                if (!u.shared().isEmpty()) {
                    sb.append(" + ").append(u.shared().size()).append(" shared (CRDs, Namespaces, admission policies)");
                }
                sb.append(", from ").append(u.origin()).append('\n');
                Reporter.passOnWhenFull(sb, out);
            }
        }

        for (AuditSection section : sections) {
            List<String> lines = section.lines(r);
            if (!lines.isEmpty()) {
                heading(sb, section.title());
                for (String l : lines) {
                    sb.append(l).append('\n');
                    Reporter.passOnWhenFull(sb, out);
                }
            }
        }
        sb.append('\n').append(TextReporter.summary(r)).append('\n');
        out.append(sb);
    }

    private static void heading(StringBuilder sb, String title) {
        sb.append('\n').append(title).append('\n');
    }

    private static void findingLines(StringBuilder sb, List<Finding> findings, Appendable out) throws IOException {
        for (Finding f : findings) {
            sb.append("    ").append(f.line()).append(':').append(f.column()).append(' ').append(f.severity().id())
                    .append(' ').append(f.rule()).append(": ").append(f.message()).append('\n');
            Reporter.passOnWhenFull(sb, out);
        }
    }

    private static String tally(List<Finding> fs) {
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            long n = fs.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                parts.add(count(n, s.id()));
            }
        }
        return String.join(", ", parts);
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
