package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.report.Reporters;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Combined outputs, the audit and completion subcommands, and the progress line. */
class IntegrationsCliTest {
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void severalFormatsInOneRun(@TempDir Path tmp) throws IOException {
        // text on standard output, every other format of the registry to a file of its own
        List<String> args = new ArrayList<>(List.of("--output", "text"));
        for (String format : Reporters.names()) {
            if (!format.equals("text")) {
                args.addAll(List.of("--output", format + "=" + tmp.resolve("report." + format)));
            }
        }
        args.add("testdata/duplicate-service");
        KgateRunner.Run run = kgate.run(args);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("error duplicate-object"), run::toString);
        for (String format : Reporters.names()) {
            if (!format.equals("text")) {
                String report = Files.readString(tmp.resolve("report." + format));
                assertTrue(report.contains("duplicate-object"), () -> format + " report lacks the finding:\n" + report);
            }
        }
        assertTrue(Files.readString(tmp.resolve("report.sarif")).contains("\"ruleId\": \"duplicate-object\""));
        assertTrue(Files.readString(tmp.resolve("report.junit")).contains("<failure type=\"duplicate-object\""));
        assertTrue(Files.readString(tmp.resolve("report.checkstyle")).contains("source=\"kgate.duplicate-object\""));
        assertTrue(Files.readString(tmp.resolve("report.github"))
                .startsWith("::error file=testdata/duplicate-service/legacy"));
        assertEquals("", run.err(), "text on stdout already carries the summary");
    }

    @Test
    void helpListsEveryFormatOfTheRegistry() {
        KgateRunner.Run run = kgate.run("--help");
        assertEquals(0, run.exitCode(), run::toString);
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Report format, repeatable: " + String.join(", ", Reporters.names()) + " (default: text)."),
                help);
    }

    @Test
    void machineFormatOnStdoutPutsTheSummaryOnStderr() {
        KgateRunner.Run run = kgate.run("--output", "github", "testdata/duplicate-service");
        assertTrue(run.out().startsWith("::error "), run::toString);
        assertTrue(run.err().startsWith("kgate: 2 files, 4 documents, 4 objects: 1 error"), run::toString);
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        KgateRunner.Run run = kgate.run("--output", "xml", "testdata/duplicate-service");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown --output format 'xml' (one of: " + String.join(", ", Reporters.names()) + ")"),
                run::toString);
    }

    @Test
    void auditTakesKgateOptionsAfterTheSubcommand(@TempDir Path tmp) throws IOException {
        Path report = tmp.resolve("audit.txt");
        KgateRunner.Run run = kgate.run("audit", "--output-file", report.toString(), "testdata/duplicate-service");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(Files.readString(report).contains("\nPassed (3 objects)\n"), run::toString);
        assertTrue(run.err().startsWith("kgate: 2 files"), "the summary goes to stderr when stdout is empty");

        KgateRunner.Run bad = kgate.run("audit", "--fail-on", "sometimes", "testdata/duplicate-service");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--fail-on must be error, warning or info, not 'sometimes'"), bad::toString);
    }

    @Test
    void auditOfACleanTreeExitsZero() {
        KgateRunner.Run run = kgate.run("audit", "testdata/split-architecture");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("By rule\n  (no findings)\n"), run::toString);
    }

    @Test
    void completionScriptsMentionTheOptionsAndSubcommands() {
        KgateRunner.Run bash = kgate.run("completion", "bash");
        assertEquals(0, bash.exitCode(), bash::toString);
        for (String word : new String[] {"--output", "--fail-on", "--context", "--no-context", "--max-file-size",
            "audit", "completion"}) {
            assertTrue(bash.out().contains(word), () -> "bash completion lacks " + word);
        }
        for (String format : Reporters.names()) {
            assertTrue(bash.out().contains("\"" + format + "\""), () -> "bash completion does not offer --output " + format);
        }
        KgateRunner.Run zsh = kgate.run("completion", "zsh");
        assertTrue(zsh.out().contains("bashcompinit") && zsh.out().contains("--output"), zsh::toString);
    }

    @Test
    void completionForAnotherShellIsAUsageError() {
        KgateRunner.Run run = kgate.run("completion", "fish");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("completion is available for bash and zsh, not 'fish'"), run::toString);
    }

    @Test
    void progressAppearsOnlyAfterTheDelayAndIsErased() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.manual(new PrintWriter(err, true))) {
            p.tick(200);
            assertEquals("", err.toString(), "no progress for short runs");
            p.tick(2500);
            assertEquals("\rkgate: checking... 2.5 s", err.toString());
        }
        assertTrue(err.toString().endsWith("\r\u001b[K"), "the line is erased before the report");
    }

    @Test
    void noProgressWhenNotATerminal() {
        // tests never run on a terminal: stderr holds the summary line and nothing else
        assertTrue(!Progress.stderrIsTerminal(), "the test's standard error is a pipe");
        KgateRunner.Run run = kgate.run("--output", "json", "testdata/loader-edge-cases");
        assertEquals(1, run.err().lines().count(), run::toString);
    }
}
