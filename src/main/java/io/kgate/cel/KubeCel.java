package io.kgate.cel;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL environment kgate evaluates Kubernetes expressions in: cel-java with the extensions the API
 * server enables (strings, lists, sets, math, regex, optionals, encoders, bindings, two-variable
 * comprehensions) and kgate's own Kubernetes libraries ({@link KubeLibrary}). Built once, on first
 * use, so a run without CEL never pays for it. Variables are declared {@code dyn}: type errors show at
 * evaluation, not at compile time (the API server types {@code self} from the schema; kgate does not).
 *
 * <p>Nothing reachable from an expression touches files, the network or the clock: every function is
 * either cel-java's pure standard library or one of kgate's pure functions.
 */
public final class KubeCel {
    /** Kubernetes CEL functions and variables kgate does not have offline (a cluster or a user is needed). */
    private static final Set<String> KUBERNETES_ONLY = Set.of("authorizer", "semver", "isSemver");
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");

    /** Iterations of one comprehension; the cost budget below bounds the whole evaluation. */
    static final int MAX_ITERATIONS = 100_000;
    /** Evaluated expression nodes per evaluation (the API server's per-call cost limit is 1,000,000). */
    public static final long COST_LIMIT = 1_000_000;
    /** Wall time per evaluation. */
    public static final long TIME_LIMIT_NANOS = 200_000_000L;

    static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableOptionalSyntax(true)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .maxRegexProgramSize(5000)
            .build();

    private final CelCompiler base;
    private final CelRuntime runtime;
    private final Map<List<String>, CelCompiler> compilers = new ConcurrentHashMap<>();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private KubeCel() {
        base = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS),
                        CelExtensions.math(OPTIONS, 2), CelExtensions.regex(), CelExtensions.optional(),
                        CelExtensions.encoders(OPTIONS), CelExtensions.bindings(), CelExtensions.comprehensions())
                .addFunctionDeclarations(KubeLibrary.declarations())
                .build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS),
                        CelExtensions.math(OPTIONS, 2), CelExtensions.regex(), CelExtensions.optional(),
                        CelExtensions.encoders(OPTIONS), CelExtensions.comprehensions())
                .addFunctionBindings(KubeLibrary.bindings())
                .build();
    }

    private static final class Holder {
        static final KubeCel INSTANCE = new KubeCel();
    }

    /** The environment, built on first call. */
    public static KubeCel get() {
        return Holder.INSTANCE;
    }

    /** What compiling one expression gave. */
    public sealed interface Compiled permits Program, CompileError, Unsupported {
    }

    /** A compiled expression, ready to evaluate any number of times (thread-safe). */
    public record Program(String source, CelExpr expr, CelRuntime.Program program) implements Compiled {
        /** True when the expression names {@code variable} (e.g. oldSelf: a transition rule). */
        public boolean uses(String variable) {
            return CelCost.mentions(expr, variable);
        }
    }

    /** The expression does not compile: message, and the 1-based line and column inside the expression. */
    public record CompileError(String message, int line, int column) implements Compiled {
    }

    /** The expression uses a Kubernetes function or variable kgate cannot evaluate offline. */
    public record Unsupported(String name) implements Compiled {
    }

    /** {@link #compile}, once per expression and variables for the life of the process (rule files). */
    public Compiled compileOnce(String expression, List<String> variables) {
        return compiled.computeIfAbsent(variables + "\u0000" + expression, k -> compile(expression, variables));
    }

    /** Compiles {@code expression} with {@code variables} declared (as dyn). */
    public Compiled compile(String expression, List<String> variables) {
        return compile(expression, variables, Set.of());
    }

    /**
     * Compiles {@code expression}; an undeclared reference to one of {@code missingOffline} (e.g. the
     * authorizer of admission policies, which needs the cluster) makes it {@link Unsupported}.
     */
    public Compiled compile(String expression, List<String> variables, Set<String> missingOffline) {
        CelCompiler compiler = compilers.computeIfAbsent(List.copyOf(variables), vars -> {
            var b = base.toCompilerBuilder();
            vars.forEach(v -> b.addVar(v, SimpleType.DYN));
            return b.build();
        });
        CelValidationResult r;
        try {
            r = compiler.compile(expression);
        } catch (RuntimeException e) {
            return new CompileError("cannot compile: " + e.getMessage(), 1, 1);
        }
        if (r.hasError()) {
            for (CelIssue i : r.getErrors()) {
                Matcher m = UNDECLARED.matcher(i.getMessage());
                if (m.find() && (KUBERNETES_ONLY.contains(m.group(1)) || missingOffline.contains(m.group(1)))) {
                    return new Unsupported(m.group(1));
                }
            }
            CelIssue first = r.getErrors().get(0);
            return new CompileError(first.getMessage().replace(" (in container '')", ""),
                    Math.max(1, first.getSourceLocation().getLine()), first.getSourceLocation().getColumn() + 1);
        }
        try {
            var ast = r.getAst();
            return new Program(expression, ast.getExpr(), runtime.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            return new CompileError("cannot compile: " + e.getMessage(), 1, 1);
        }
    }

    /** The outcome of one evaluation. */
    public sealed interface Result permits Value, Failure {
    }

    public record Value(Object value) implements Result {
    }

    /** An evaluation error (no such key, no matching overload, ...) or a limit that stopped it. */
    public record Failure(String message, boolean limit) implements Result {
    }

    /** Evaluates with the cost and time bounds; never throws for anything the expression does. */
    public static Result evaluate(Program p, Map<String, ?> variables) {
        Budget budget = new Budget();
        try {
            return new Value(p.program().trace(variables, (expr, value) -> budget.spend()));
        } catch (CelEvaluationException e) {
            Budget.Exhausted ex = cause(e);
            if (ex != null) {
                return new Failure(ex.getMessage(), true);
            }
            return new Failure(clean(e.getMessage()), false);
        } catch (Budget.Exhausted e) {
            return new Failure(e.getMessage(), true);
        } catch (RuntimeException | StackOverflowError e) {
            Budget.Exhausted ex = cause(e);
            return ex != null ? new Failure(ex.getMessage(), true)
                    : new Failure("evaluation failed: " + e, false);
        }
    }

    private static Budget.Exhausted cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Budget.Exhausted x) {
                return x;
            }
        }
        return null;
    }

    private static String clean(String message) {
        if (message == null) {
            return "evaluation error";
        }
        return message.replaceFirst("^evaluation error at <input>:\\d+: ", "").replaceFirst("^evaluation error: ", "")
                .replaceFirst("^key '(.*)' is not present in map\\.$", "no such key: $1");
    }

    /** Counts evaluated nodes and watches the clock. */
    private static final class Budget {
        private final long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        private long spent;

        void spend() {
            spent++;
            if (spent > COST_LIMIT) {
                throw new Exhausted("evaluation stopped: cost budget of " + COST_LIMIT + " steps exceeded");
            }
            if ((spent & 1023) == 0 && System.nanoTime() > deadline) {
                throw new Exhausted("evaluation stopped: time limit of " + TIME_LIMIT_NANOS / 1_000_000 + " ms exceeded");
            }
        }

        static final class Exhausted extends RuntimeException {
            Exhausted(String message) {
                super(message, null, false, false);
            }
        }
    }
}
