package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A command line built with its subcommands only when the arguments can name one behaves as the full one. */
class KgateCommandLineTest {

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("--version"),
                List.of("-V"),
                List.of("--help"),
                List.of("-Vh"),                                                   // -h in a cluster
                List.of("-o", "json", "-h"),
                List.of("testdata/duplicate-service"),
                List.of("--no-color", "-o", "json", "testdata/duplicate-service"),
                List.of("--only", "schema,duplicate-object", "--fail-on", "warning", "testdata/duplicate-service"),
                List.of("--frobnicate", "testdata/split-architecture"),           // a usage error prints the usage
                List.of("--fail-on"),                                             // so does a missing value
                List.of("--fail-on", "fatal", "testdata/split-architecture"),
                List.of("audit", "testdata/duplicate-service"),
                List.of("--fail-on", "warning", "audit", "testdata/duplicate-service"),
                List.of("--context", "audit", "testdata/duplicate-service"),      // a subcommand name as a value
                List.of("rules"),
                List.of("explain", "probes"),
                List.of("schemas"),
                List.of("completion", "bash"),
                List.of("--", "audit"));                                          // a path named like a subcommand
    }

    @Tag("in-process") // compares two picocli models in this JVM
    @ParameterizedTest
    @MethodSource("commandLines")
    void runsAsWithEverySubcommand(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        Ran lazy = run(KgateCommandLine.forArguments(new CommandLine(new KgateCommand()), argv), argv);
        Ran full = run(KgateCommandLine.withSubcommands(new CommandLine(new KgateCommand())), argv);
        assertEquals(full, lazy);
    }

    @Tag("in-process")
    @Test
    void onlyArgumentsThatCanNameASubcommandBuildThem() {
        for (String arg : List.of("audit", "dry-run", "schemas", "completion", "-h", "-Vh", "--help", "@args.txt")) {
            assertTrue(KgateCommandLine.mayNameASubcommand(new String[] {"k8s", arg}), arg);
        }
        for (String arg : List.of("k8s/audit", "audit.yaml", "--version", "-V", "-o", "json", "pull", "--only=rules",
                "--no-color", "k8s/help")) {
            assertFalse(KgateCommandLine.mayNameASubcommand(new String[] {arg}), arg);
        }
    }

    @Tag("in-process")
    @Test
    void anArgumentFileNamingASubcommandRunsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("args.txt"), "audit\ntestdata/duplicate-service\n");
        String[] argv = {"@" + file};
        Ran lazy = run(KgateCommandLine.forArguments(new CommandLine(new KgateCommand()), argv), argv);
        assertTrue(lazy.out().contains("Passed ("), lazy::toString);
    }

    private static Ran run(CommandLine cl, String[] argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(argv);
        return new Ran(code, out.toString(), err.toString());
    }

    private record Ran(int code, String out, String err) {}
}
