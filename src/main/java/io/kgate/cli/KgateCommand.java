package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.check.Linter;
import io.kgate.check.Severity;
import io.kgate.load.LoadLimits;
import io.kgate.load.PathException;
import io.kgate.model.SourceFile;
import io.kgate.report.ReportOptions;
import io.kgate.report.Reporter;
import io.kgate.report.Reporters;
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
        subcommands = {RulesCommand.class, ExplainCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Validate and lint a tree of Kubernetes manifests offline, with file:line:column for every finding.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage error, or a path that cannot be read at all",
            "3:internal error (details with --debug)"},
        footer = {"", "Paths are files or directories (recursive); '-' reads standard input.",
            "Without paths kgate checks ./k8s when it exists, else the current directory.",
            "kgate rules lists the rules; kgate explain RULE explains one. Settings: .kgate.yaml (see README)."})
public final class KgateCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    @Parameters(paramLabel = "PATH", description = "Files or directories to check; '-' for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]",
            description = "Report format, repeatable: text (default) or json. FORMAT=FILE writes that report to FILE; "
                    + "at most one format goes to standard output.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "Write the report that would go to standard output to FILE instead.")
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

    @CommandLine.Mixin
    RuleOptions ruleOptions;

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

    /** One requested report: a format and where it goes (null: standard output). */
    private record Output(String format, Reporter reporter, Path file) {
    }

    private int run() {
        Severity threshold = Severity.parse(failOn);
        if (threshold == null) {
            throw new UsageError("--fail-on must be error, warning or info, not '" + failOn + "'");
        }
        List<Output> plan = outputs();
        if (maxFileSizeMib <= 0) {
            throw new UsageError("--max-file-size must be a positive number of MiB");
        }
        List<String> targets = paths.isEmpty() ? List.of(Files.isDirectory(Path.of("k8s")) ? "k8s" : ".") : paths;
        LintResult result;
        try {
            result = ruleOptions.load().linter(Linter.documentChecks())
                    .lint(targets, System.in, LoadLimits.DEFAULT.withMaxFileBytes(maxFileSizeMib * 1024 * 1024));
        } catch (PathException e) {
            throw new UsageError(e.getMessage());
        }
        boolean textOnStdout = false;
        for (Output o : plan) {
            boolean color = o.file == null && o.format.equals("text") && Terminal.colorAllowed() && !noColor;
            String rendered = o.reporter.render(result, new ReportOptions(VersionProvider.version(), color));
            write(rendered, o.file, result);
            textOnStdout |= o.file == null && !Reporters.isMachineFormat(o.format);
        }
        if (!textOnStdout) {
            err().println(TextReporter.summary(result));
        }
        return result.fails(threshold) ? EXIT_FINDINGS : EXIT_OK;
    }

    private List<Output> outputs() {
        List<Output> plan = new ArrayList<>();
        boolean stdoutTaken = false;
        for (String spec : outputs.isEmpty() ? List.of("text") : outputs) {
            int eq = spec.indexOf('=');
            String format = eq < 0 ? spec : spec.substring(0, eq);
            Path file = eq < 0 ? null : Path.of(spec.substring(eq + 1));
            Reporter r = Reporters.byName(format);
            if (r == null) {
                throw new UsageError("unknown --output format '" + format + "' (one of: "
                        + String.join(", ", Reporters.names()) + ")");
            }
            if (file == null) {
                if (stdoutTaken) {
                    throw new UsageError("only one --output can go to standard output; give the others a file: "
                            + format + "=FILE");
                }
                stdoutTaken = true;
                file = outputFile;
            }
            plan.add(new Output(format, r, file));
        }
        return plan;
    }

    private void write(String rendered, Path file, LintResult result) {
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(rendered);
            out.flush();
            return;
        }
        for (SourceFile f : result.load().files()) {
            if (!f.displayName().equals("-") && Path.of(f.displayName()).toAbsolutePath().normalize()
                    .equals(file.toAbsolutePath().normalize())) {
                throw new UsageError("output file " + file + " is one of the files being checked; "
                        + "kgate never writes to the files it reads");
            }
        }
        try {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot write " + file + ": " + e.getMessage());
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
