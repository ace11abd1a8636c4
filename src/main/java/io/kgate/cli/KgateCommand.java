package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.check.Linter;
import io.kgate.check.Severity;
import io.kgate.load.LoadLimits;
import io.kgate.load.PathException;
import io.kgate.model.SourceFile;
import io.kgate.report.JsonReporter;
import io.kgate.report.ReportOptions;
import io.kgate.report.Reporter;
import io.kgate.report.TextReporter;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@TopCommand
@Command(name = "kgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Validate and lint a tree of Kubernetes manifests offline, with file:line:column for every finding.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage error, or a path that cannot be read at all",
            "3:internal error (details with --debug)"},
        footer = {"", "Paths are files or directories (recursive); '-' reads standard input.",
            "Without paths kgate checks ./k8s when it exists, else the current directory."})
public final class KgateCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    @Parameters(paramLabel = "PATH", description = "Files or directories to check; '-' for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text (default) or json.")
    String output;

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path outputFile;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above LEVEL: error (default), warning or info.")
    String failOn;

    @Option(names = "--max-file-size", paramLabel = "MIB", defaultValue = "64",
            description = "Refuse files larger than MIB mebibytes (default 64).")
    long maxFileSizeMib;

    @Option(names = "--no-color", description = "Never colour the text report (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (UsageError e) {
            err().println("kgate: " + e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err().println("kgate: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(err());
            }
            return EXIT_INTERNAL;
        }
    }

    private int run() {
        Severity threshold = Severity.parse(failOn);
        if (threshold == null) {
            throw new UsageError("--fail-on must be error, warning or info, not '" + failOn + "'");
        }
        Reporter reporter = switch (output) {
            case "text" -> new TextReporter();
            case "json" -> new JsonReporter();
            default -> throw new UsageError("unknown --output format '" + output + "' (text, json)");
        };
        if (maxFileSizeMib <= 0) {
            throw new UsageError("--max-file-size must be a positive number of MiB");
        }
        List<String> targets = paths.isEmpty() ? List.of(Files.isDirectory(Path.of("k8s")) ? "k8s" : ".") : paths;
        LintResult result;
        try {
            result = new Linter(Linter.documentChecks())
                    .lint(targets, System.in, LoadLimits.DEFAULT.withMaxFileBytes(maxFileSizeMib * 1024 * 1024));
        } catch (PathException e) {
            throw new UsageError(e.getMessage());
        }
        boolean color = output.equals("text") && outputFile == null && Terminal.colorAllowed() && !noColor;
        String rendered = reporter.render(result, new ReportOptions(VersionProvider.version(), color));
        write(rendered, result);
        if (!output.equals("text")) {
            err().println(TextReporter.summary(result));
        }
        return result.fails(threshold) ? EXIT_FINDINGS : EXIT_OK;
    }

    private void write(String rendered, LintResult result) {
        if (outputFile == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(rendered);
            out.flush();
            return;
        }
        for (SourceFile f : result.load().files()) {
            if (!f.displayName().equals("-") && Path.of(f.displayName()).toAbsolutePath().normalize()
                    .equals(outputFile.toAbsolutePath().normalize())) {
                throw new UsageError("--output-file " + outputFile + " is one of the files being checked; "
                        + "kgate never writes to the files it reads");
            }
        }
        try {
            Files.writeString(outputFile, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot write " + outputFile + ": " + e.getMessage());
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A problem with how kgate was called: one line on stderr, exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
