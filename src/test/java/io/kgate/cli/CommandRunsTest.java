package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A subcommand runs with what it asks for and leaves the kgate command as picocli set it. */
@Tag("in-process") // runs two commands on one CommandLine object: a process runs one
class CommandRunsTest {
    @Test
    void anAuditLeavesTheNextRunOfTheSameCommandLineAPlainLint() {
        CommandLine cl = KgateCommandLine.withSubcommands(new CommandLine(new KgateCommand()));
        StringWriter audit = new StringWriter();
        cl.setOut(new PrintWriter(audit, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(1, cl.execute("audit", "testdata/duplicate-service"));
        assertTrue(audit.toString().contains("\nPassed (3 objects)\n"), audit::toString);

        StringWriter lint = new StringWriter();
        cl.setOut(new PrintWriter(lint, true));
        assertEquals(1, cl.execute("--no-color", "testdata/split-architecture-first-attempt"));
        assertTrue(lint.toString().startsWith("testdata/split-architecture-first-attempt/"), lint::toString);
        assertFalse(lint.toString().contains("Passed ("), "the second run is no audit: " + lint);
        assertFalse(lint.toString().contains("duplicate-service"), "nor of the audit's paths: " + lint);
    }
}
