package io.kgate.cli;

import static picocli.CommandLine.ScopeType.INHERIT;

import io.kgate.check.Check;
import io.kgate.check.LintResult;
import io.kgate.cluster.ClusterException;
import io.kgate.check.Linter;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.finding.Severity;
import io.kgate.check.rules.RuleSet;
import io.kgate.load.LoadLimits;
import io.kgate.load.PathException;
import io.kgate.model.SourceFile;
import io.kgate.model.Timings;
import io.kgate.report.AuditReporter;
import io.kgate.report.ReportOptions;
import io.kgate.report.Reporter;
import io.kgate.report.Reporters;
import io.kgate.report.TextReporter;
import io.kgate.unit.UnitOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// addMethodSubcommands: no method of this class is a subcommand; looking for them read every method's
// annotations at each start
@Command(name = "kgate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, addMethodSubcommands = false,
        sortOptions = false, usageHelpAutoWidth = true, // subcommands: KgateCommandLine.SUBCOMMANDS
        description = "Validate and lint a tree of Kubernetes manifests offline, with file:line:column for every finding.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage error, or a path that cannot be read at all",
            "3:internal error (details with --debug)"},
        footer = {"", "Paths are files or directories (recursive); '-' reads standard input.",
            "Without paths kgate checks ./k8s when it exists, else the current directory.",
            "Given only files (as pre-commit does), kgate reads the whole --context tree to link objects across files "
                + "and reports the findings in the given files only.",
            "Subcommands: 'kgate audit [PATH...]' (readable audit report), 'kgate rules' (the rules), "
                + "'kgate explain RULE', 'kgate schemas' (embedded Kubernetes versions and --schemas), "
                + "'kgate schemas pull' (a cluster's schemas and CRDs), 'kgate dry-run [PATH...]' (the cluster's "
                + "verdict, server-side dry run), 'kgate completion bash|zsh'.",
            "Settings: .kgate.yaml in the current directory or above (see README)."})
public final class KgateCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FINDINGS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    @Parameters(paramLabel = "PATH", description = "Files or directories to check; '-' for standard input.")
    List<String> paths = new ArrayList<>();

    // options are scope = INHERIT: "kgate audit --fail-on warning k8s" works like "kgate --fail-on warning audit k8s"
    @Option(scope = INHERIT, names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]",
            completionCandidates = Reporters.Names.class,
            description = "Report format, repeatable: ${COMPLETION-CANDIDATES} (default: text). "
                    + "FORMAT=FILE writes that report to FILE; at most one format goes to standard output.")
    List<String> outputs = new ArrayList<>();

    @Option(scope = INHERIT, names = "--output-file", paramLabel = "FILE",
            description = "Write the report that would go to standard output to FILE instead.")
    Path outputFile;

    @Option(scope = INHERIT, names = "--context", paramLabel = "DIR",
            description = "Tree read to link objects when only some files are given; only their findings are "
                    + "reported (default: the git top-level of the files, when all PATHs are files).")
    Path context;

    @Option(scope = INHERIT, names = "--no-context", description = "Check the given files alone, without the --context tree.")
    boolean noContext;

    @Option(scope = INHERIT, names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above LEVEL: error (default), warning or info.")
    String failOn;

    @Option(scope = INHERIT, names = "--max-file-size", paramLabel = "MIB", defaultValue = "64",
            description = "Refuse files larger than MIB mebibytes (default 64).")
    long maxFileSizeMib;

    @Option(scope = INHERIT, names = "--new-from-rev", paramLabel = "REV",
            description = "Report only findings that are new: the tree now against the tree at git merge-base HEAD "
                    + "REV (HEAD, origin/main, ...); exit codes count the new findings only. Under pre-commit "
                    + "PRE_COMMIT_FROM_REF/TO_REF replace it, and pre-commit run --all-files checks everything.")
    String newFromRev;

    @Option(scope = INHERIT, names = "--staged",
            description = "Check the files as they are in the git index (what the commit will contain), not the "
                    + "working tree: unstaged edits and untracked files do not count.")
    boolean staged;

    @Option(scope = INHERIT, names = "--exclude", paramLabel = "PATTERN",
            description = "Leave out files and directories matching PATTERN (gitignore-style, relative to the "
                    + "working directory; repeatable, !PATTERN brings files back); listed as skipped. Also "
                    + "exclude: in .kgate.yaml. What the repository's .gitignore ignores is left out too.")
    List<String> exclude = new ArrayList<>();

    @Option(scope = INHERIT, names = "--allow-empty",
            description = "Accept a directory PATH without any Kubernetes object (rule no-objects reports it otherwise).")
    boolean allowEmpty;

    @CommandLine.Mixin
    SchemaArgs schemaArgs = new SchemaArgs();

    @Option(scope = INHERIT, names = "--no-color", description = "Never colour the text report (also when NO_COLOR is set).")
    boolean noColor;

    @Option(scope = INHERIT, names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(scope = INHERIT, names = "--only", paramLabel = "RULE", split = ",",
            description = "Report only these rules (e.g. --only schema,removed-api for a pure schema gate).")
    List<String> only = new ArrayList<>();

    @Option(scope = INHERIT, names = "--skip", paramLabel = "RULE", split = ",",
            description = "Do not report these rules in this run (.kgate.yaml disables them for good).")
    List<String> skip = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return execute(request(List.of()));
    }

    /**
     * What a command asks of a run beyond the options every command shares (this command's fields, set
     * by picocli and never changed): the paths, the audit report that replaces --output (built from the
     * run's rules), the cluster's check, whether the offline checks run, and the rules reported (--only).
     */
    record Request(List<String> paths, Function<RuleSet, AuditReporter> audit, Check serverCheck,
            boolean offlineChecks, List<String> only) {
        Request withAudit(Function<RuleSet, AuditReporter> report) {
            return new Request(paths, report, serverCheck, offlineChecks, only);
        }

        Request withServerCheck(Check check, boolean withOfflineChecks, List<String> reported) {
            return new Request(paths, audit, check, withOfflineChecks, reported);
        }
    }

    /** A plain lint of {@code runPaths} (none: the paths given to kgate itself) as the options say. */
    Request request(List<String> runPaths) {
        return new Request(runPaths.isEmpty() ? paths : runPaths, null, null, true, only);
    }

    /** Runs {@code request}: usage errors and internal errors become messages and exit codes. */
    int execute(Request request) {
        try {
            return run(request);
        } catch (UsageError | ClusterException e) {
            err().println("kgate: " + e.getMessage());
            return EXIT_USAGE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Faults.report(e, debug, err());
        }
    }

    /** One requested report: a format and where it goes (null: standard output). */
    private record Output(String format, Reporter reporter, Path file) {
    }

    private int run(Request request) {
        Timings.started();
        Severity threshold = Severity.parse(failOn);
        if (threshold == null) {
            throw new UsageError("--fail-on must be error, warning or info, not '" + failOn + "'");
        }
        List<Output> plan = request.audit() != null ? List.of() : outputs();
        if (maxFileSizeMib <= 0) {
            throw new UsageError("--max-file-size must be a positive number of MiB");
        }
        List<String> targets = request.paths().isEmpty() ? List.of(Files.isDirectory(Path.of("k8s")) ? "k8s" : ".")
                : request.paths();
        LintResult result;
        LoadLimits limits = LoadLimits.DEFAULT.withMaxFileBytes(maxFileSizeMib * 1024 * 1024);
        RuleSet rules = schemaArgs.applyTo(ruleOptions.load());
        Timings.mark("rule files");
        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        if (request.offlineChecks()) {
            checks.addAll(schemaArgs.checks(limits, rules));
        }
        if (request.serverCheck() != null) {
            checks.add(request.serverCheck());
        }
        AuditReporter audit = request.audit() == null ? null : request.audit().apply(rules);
        if (audit != null) {
            plan = List.of(new Output("audit", audit, outputFile));
        }
        Timings.mark("schemas and checks");
        RuleSelection selection = RuleSelection.of(request.only(), skip, rules);
        // the audit's sections read more of each object than the checks do (the budget table: every container)
        Linter linter = audit != null ? rules.linter(checks, selection::reports).retainingAlso(audit.reads())
                : rules.linter(checks, selection::reports);
        ChangeGate.Lint lint = (p, snapshot) -> {
            try {
                Path contextDir = contextDir(p);
                // in a git snapshot every file is tracked (nothing to ignore), and the excludes stay relative to the repository
                Exclusions exclusions = Exclusions.of(exclude, rules.config(),
                        snapshot == null ? d -> d : snapshot::map, snapshot == null);
                List<String> unitRoots = new ArrayList<>(p);
                if (contextDir != null) {
                    unitRoots.add(0, contextDir.toString().isEmpty() ? "." : contextDir.toString());
                }
                UnitOptions units = new UnitOptions(unitRoots, declaredUnits(rules, snapshot));
                LintResult r = ContextLint.lint(linter.withUnits(units), p, contextDir, System.in, limits, exclusions);
                return selection.apply(allowEmpty ? r : EmptyDirectories.report(r, p, rules.catalog()));
            } catch (PathException e) {
                throw new UsageError(e.getMessage());
            }
        };
        try (Progress progress = Progress.start(err(), Progress.stderrIsTerminal())) {
            result = newFromRev == null && !staged ? lint.run(targets, null)
                    : ChangeGate.check(newFromRev, staged, System.getenv(), targets, lint, err());
        }
        Timings.mark("tree pass, filters");
        boolean textOnStdout = false;
        for (Output o : plan) {
            boolean color = o.file == null && o.format.equals("text") && Terminal.colorAllowed() && !noColor;
            write(o.reporter, new ReportOptions(VersionProvider.version(), color, rules.catalog()), o.file, result);
            textOnStdout |= o.file == null && (o.format.equals("audit") || !Reporters.isMachineFormat(o.format));
        }
        if (!textOnStdout) {
            err().println(TextReporter.summary(result));
        }
        Timings.mark("reports");
        return result.fails(threshold) ? EXIT_FINDINGS : EXIT_OK;
    }

    /**
     * The units of the config, with their paths where they are in {@code snapshot} (null: the working
     * tree): the config's paths are relative to the repository, and a snapshot of the index or the base
     * holds the same units.
     */
    private static List<UnitOptions.Declared> declaredUnits(RuleSet rules, ChangeGate.Snapshot snapshot) {
        if (snapshot == null) {
            return rules.declaredUnits();
        }
        return rules.declaredUnits().stream()
                .map(d -> new UnitOptions.Declared(d.name(), d.paths().stream().map(snapshot::map).toList()))
                .toList();
    }

    /** The --context tree, or null: explicit, else the git top-level when only files are given. */
    private Path contextDir(List<String> targets) {
        if (noContext) {
            return null;
        }
        if (context != null) {
            if (!Files.isDirectory(context)) {
                throw new UsageError("--context " + context + ": not a directory");
            }
            return context;
        }
        return ContextLint.onlyFiles(targets) ? ContextLint.gitTopLevel(targets) : null;
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

    /**
     * {@code code}, or a usage error when what a command printed to standard output could not be
     * written (a closed pipe, `kgate rules | head`, or a full disk): picocli's writer and System.out
     * swallow the error, and the user would take a cut list with exit code 0 for the whole of it.
     */
    static int delivered(CommandLine.Model.CommandSpec spec, int code) {
        if (cannotWrite(spec.commandLine().getOut())) {
            spec.commandLine().getErr().println("kgate: cannot write to standard output (closed, or its device is "
                    + "full): what was printed is incomplete");
            return EXIT_USAGE;
        }
        return code;
    }

    /**
     * True when {@code out} (standard output) lost some of what was printed: neither it nor
     * System.out, the PrintStream it writes to, keeps the cause, only an error flag.
     */
    private static boolean cannotWrite(PrintWriter out) {
        out.flush();
        return out.checkError() || System.out.checkError();
    }

    /** The report, written as it is made (a large tree's report is never one string). */
    private void write(Reporter reporter, ReportOptions options, Path file, LintResult result) {
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            // buffered: the PrintWriter encodes and flushes each piece it is given, a report is millions of pieces
            Writer buffered = new BufferedWriter(out, 1 << 16);
            try {
                Reporters.write(reporter, result, options, buffered, Runtime.getRuntime().availableProcessors());
                buffered.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter does not throw: it sets its error flag
            }
            if (cannotWrite(out)) { // a closed pipe (`kgate | head`) or a full disk
                throw new UsageError("cannot write the report to standard output (closed, or its device is full): "
                        + "the report is incomplete");
            }
            return;
        }
        for (SourceFile f : result.load().files()) {
            if (!f.displayName().equals("-") && sameFile(f.displayName(), file)) {
                throw new UsageError("output file " + file + " is one of the files being checked; "
                        + "kgate never writes to the files it reads");
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Reporters.write(reporter, result, options, out, Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UsageError("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static boolean sameFile(String displayName, Path file) {
        try {
            return Path.of(displayName).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false; // not representable in the platform encoding, so not the file named on the command line
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
