package io.kgate.report;

import io.kgate.check.LintResult;
import io.kgate.model.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The output formats by the name {@code --output} takes: the one list of them. The {@code --output}
 * help, the README's format table and the tests (a golden file per format) all derive from it.
 */
public final class Reporters {
    /** One format: its {@code --output} name, its reporter, and what the README says of it. */
    public record Format(String name, Supplier<Reporter> reporter, String usedBy, String shape) {
    }

    private static final List<Format> FORMATS = List.of(
            new Format("text", TextReporter::new, "people: terminal, pre-commit, CI logs",
                    "`FILE:LINE:COLUMN: SEVERITY RULE: message`, sorted by file and position, then the summary line; "
                            + "colour only on a terminal"),
            new Format("json", JsonReporter::new, "scripts and other tools",
                    "one object: `tool`, `findings` (rule, severity, message, file, line, column, object, path) and "
                            + "`summary` with the skipped files (see [Output](#output))"),
            new Format("sarif", SarifReporter::new, "GitHub code scanning, GitLab, Azure DevOps",
                    "SARIF 2.1.0: `tool.driver.rules` lists the rules that occur (id, short and full description, "
                            + "help, default level), each result has `ruleId`/`ruleIndex`, level "
                            + "`error`/`warning`/`note`, `artifactLocation.uri` relative to the working directory "
                            + "(percent-encoded; standard input is `-`), `region.startLine`/`startColumn`, and the "
                            + "object as a logical location"),
            new Format("junit", JunitReporter::new, "test dashboards (GitLab, Jenkins)",
                    "one `testsuite` per file, one `testcase` per object, one `failure` per finding (every "
                            + "severity); findings about a whole file belong to a testcase named `(file)`; skipped "
                            + "files are skipped testcases with the reason"),
            new Format("github", GithubReporter::new, "GitHub Actions annotations",
                    "`::error file=…,line=…,col=…,title=RULE::message` (`warning`, `notice` for the other "
                            + "severities), escaped as the runner expects"),
            new Format("checkstyle", CheckstyleReporter::new, "Jenkins warnings-ng, reviewdog, other dashboards",
                    "Checkstyle 4.3 XML, every file read, `source=\"kgate.RULE\"`"));

    private static final List<String> NAMES = FORMATS.stream().map(Format::name).toList();

    private Reporters() {
    }

    public static List<Format> formats() {
        return FORMATS;
    }

    /** The reporter for {@code name}, or null when there is no such format. */
    public static Reporter byName(String name) {
        for (Format f : FORMATS) {
            if (f.name.equals(name)) {
                return f.reporter.get();
            }
        }
        return null;
    }

    /**
     * {@code reporter}'s report written to {@code out} on a pool of {@code threads} threads, where a format
     * may make its parts in parallel (the text report does): the same report as {@link Reporter#render}.
     */
    public static void write(Reporter reporter, LintResult result, ReportOptions options, Appendable out,
            int threads) throws IOException {
        try {
            Parallel.on(threads, () -> {
                try {
                    reporter.write(result, options, out);
                    return null;
                } catch (IOException e) {
                    throw new WriteFailed(e);
                }
            });
        } catch (WriteFailed e) {
            throw e.getCause();
        }
    }

    /** {@link #write}'s own failure carried out of the pool (not one a reporter throws for another reason). */
    private static final class WriteFailed extends UncheckedIOException {
        WriteFailed(IOException cause) {
            super(cause);
        }
    }

    public static List<String> names() {
        return NAMES;
    }

    /** Formats meant for machines: with them on stdout, the summary line goes to stderr. */
    public static boolean isMachineFormat(String name) {
        return !name.equals("text");
    }

    /** The README's table of the formats (generated; ReadmeRulesTest keeps the README in step). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| format | for | shape |\n|---|---|---|\n");
        for (Format f : FORMATS) {
            sb.append("| `").append(f.name).append("` | ").append(f.usedBy).append(" | ").append(f.shape).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * The format names for picocli's {@code completionCandidates}: the {@code --output} help lists them as
     * {@code ${COMPLETION-CANDIDATES}} and the shell completion offers them.
     */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
