package io.kgate.check.rules.templates;

import dev.cel.common.ast.CelExpr;
import io.kgate.NativeImage;
import io.kgate.cel.CelCost;
import io.kgate.cel.CelValues;
import io.kgate.cel.KubeCel;
import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.Rule;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.rules.Template;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules written in CEL, without Java: {@code expression} must be true for every object that
 * {@code match} selects. Two templates share this class: {@code cel} sees one object at a time
 * ({@code object}) and runs in the file pass, as the object is parsed; {@code cel-tree} also sees
 * {@code tree}, the objects of the object's deployment unit by kind ({@code tree['Service']}), with the
 * cluster-wide objects other units share (CRDs, Namespaces), for rules across objects, and keeps every
 * object whole for it. Like every cross-object rule it runs once per unit: an object in two units is
 * checked in each and reported once. Each expression is compiled once, when an object it matches is
 * first seen.
 */
public final class CelTemplate implements Template<CelTemplate.Params> {
    /** A rule's parameters; {@code match} entries are "Kind", or "apiVersion/Kind" ("networking.k8s.io/v1/Ingress"). */
    public record Params(List<String> match, List<String> namespaces, List<String> labels, String expression,
            String message, String messageExpression, String path) {
        public Params {
            // the template's defaults (no match, no expression) are bound before the rule file's values
            boolean unset = match.isEmpty() && expression == null;
            if (!unset && (expression == null || expression.isBlank())) {
                throw new IllegalArgumentException("a cel rule needs params.expression (true when the object passes)");
            }
            if (!unset && match.isEmpty()) {
                throw new IllegalArgumentException("a cel rule needs params.match: the kinds it checks");
            }
            for (String l : labels) {
                if (l.isBlank() || l.startsWith("=")) {
                    throw new IllegalArgumentException("params.labels entries are key or key=value, not '" + l + "'");
                }
            }
        }
    }

    private static final Param<List<String>> MATCH = Param.strings("match", List.of(),
            "kinds to check: Kind, or apiVersion/Kind (e.g. networking.k8s.io/v1/Ingress)");
    private static final Param<List<String>> NAMESPACES = Param.strings("namespaces", List.of(),
            "only objects of these namespaces (default: every namespace)");
    private static final Param<List<String>> LABELS = Param.strings("labels", List.of(),
            "only objects with these labels: key (present) or key=value");
    private static final Param<String> EXPRESSION = Param.string("expression", null,
            "CEL expression over object (and tree with cel-tree), true when the object passes");
    private static final Param<String> MESSAGE = Param.string("message", null, "the finding's message");
    private static final Param<String> MESSAGE_EXPRESSION = Param.string("messageExpression", null,
            "CEL expression giving the message (a string); message when it fails");
    private static final Param<String> PATH = Param.string("path", null,
            "where the finding goes: a JSON pointer (/spec/x) or field path (spec.x); default: the longest "
                    + "object field the expression reads");

    private final boolean acrossObjects;

    private CelTemplate(boolean acrossObjects) {
        this.acrossObjects = acrossObjects;
    }

    /** {@code cel}: one object at a time. */
    public static CelTemplate object() {
        return new CelTemplate(false);
    }

    /** {@code cel-tree}: with the {@code tree} variable. */
    public static CelTemplate tree() {
        return new CelTemplate(true);
    }

    @Override
    public String name() {
        return acrossObjects ? "cel-tree" : "cel";
    }

    @Override
    public Reads reads() {
        return acrossObjects ? Reads.WHOLE_OBJECTS : Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(MATCH), v.get(NAMESPACES), v.get(LABELS), v.get(EXPRESSION),
                v.get(MESSAGE), v.get(MESSAGE_EXPRESSION), v.get(PATH)), MATCH, NAMESPACES, LABELS, EXPRESSION,
                MESSAGE, MESSAGE_EXPRESSION, PATH);
    }

    private List<String> variables() {
        return acrossObjects ? List.of("object", "tree") : List.of("object");
    }

    /**
     * The CEL environment. The native executable is built with this class initialized (application.properties):
     * the environment, and the expressions of the built-in cel rules compiled in it, come ready in the executable.
     * Building the environment and compiling the bundled example's two expressions were a third of its run. A JVM
     * builds it at first use and compiles each expression when an object it matches is first seen.
     */
    static final class Environment {
        static final KubeCel CEL = prepared();

        private Environment() {
        }

        private static KubeCel prepared() {
            KubeCel cel = KubeCel.get();
            if (NativeImage.building()) {
                compileBuiltIn(cel);
            }
            return cel;
        }

        /** Compiles the expressions of the built-in cel rules in {@code cel}, once, and returns what each gave. */
        static List<KubeCel.Compiled> compileBuiltIn(KubeCel cel) {
            List<KubeCel.Compiled> compiled = new ArrayList<>();
            for (Rule r : RuleSet.defaults().rules()) {
                if (r.template() instanceof CelTemplate t && r.params() instanceof Params p) {
                    for (String expression : new String[] {p.expression(), p.messageExpression()}) {
                        if (expression != null) {
                            compiled.add(cel.compileOnce(expression, t.variables()));
                        }
                    }
                }
            }
            return compiled;
        }
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        Params p = ctx.params();
        if (p.expression() == null) {
            return;
        }
        Object tree = null;
        for (KubeObject o : ctx.graph().all()) {
            if (!matches(p, o)) {
                continue;
            }
            KubeCel.Compiled compiled = Environment.CEL.compileOnce(p.expression(), variables());
            if (!(compiled instanceof KubeCel.Program program)) {
                ctx.report(o, "", "rule " + ctx.ruleId() + ": its expression " + describe(compiled)
                        + "; fix params.expression in the rule file");
                return; // once per rule and run
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("object", CelValues.object(o));
            if (acrossObjects) {
                if (tree == null) {
                    tree = tree(ctx.graph().all());
                }
                vars.put("tree", tree);
            }
            KubeCel.Result r = KubeCel.evaluate(program, vars);
            String pointer = pointer(p.path(), program.expr());
            if (r instanceof KubeCel.Failure f) {
                ctx.warn(o, pointer, "expression '" + p.expression().strip() + "' cannot be evaluated: " + f.message());
                continue;
            }
            Object value = ((KubeCel.Value) r).value();
            if (Boolean.TRUE.equals(value)) {
                continue;
            }
            if (!(value instanceof Boolean)) {
                ctx.report(o, pointer, "expression '" + p.expression().strip() + "' must give true or false, gave "
                        + CelValues.display(value));
                continue;
            }
            ctx.report(o, pointer, message(p, vars));
        }
    }

    private String message(Params p, Map<String, Object> vars) {
        if (p.messageExpression() != null
                && Environment.CEL.compileOnce(p.messageExpression(), variables()) instanceof KubeCel.Program mp
                && KubeCel.evaluate(mp, vars) instanceof KubeCel.Value v && v.value() instanceof String s
                && !s.isBlank()) {
            return s;
        }
        return p.message() != null ? p.message().strip() : "failed expression: " + p.expression().strip();
    }

    private static String describe(KubeCel.Compiled c) {
        return switch (c) {
            case KubeCel.CompileError e -> "does not compile: " + e.message() + " (at column " + e.column() + ")";
            case KubeCel.Unsupported u -> "uses " + u.name() + ", which kgate does not have";
            case KubeCel.Program p -> "compiles";
        };
    }

    static boolean matches(Params p, KubeObject o) {
        if (o.kind() == null) {
            return false;
        }
        boolean kind = false;
        for (String m : p.match()) {
            // "Kind" or "apiVersion/Kind", compared in place: asked for every object of the tree
            int slash = m.lastIndexOf('/');
            String k = o.kind();
            String v = o.apiVersion();
            if (m.length() - slash - 1 == k.length() && m.startsWith(k, slash + 1)
                    && (slash < 0 || (v != null && v.length() == slash && m.startsWith(v)))) {
                kind = true;
                break;
            }
        }
        if (!kind || (!p.namespaces().isEmpty() && (o.namespace() == null || !p.namespaces().contains(o.namespace())))) {
            return false;
        }
        Map<String, String> labels = o.labels();
        for (String l : p.labels()) {
            int eq = l.indexOf('=');
            String key = eq < 0 ? l : l.substring(0, eq);
            if (!labels.containsKey(key) || (eq >= 0 && !l.substring(eq + 1).equals(labels.get(key)))) {
                return false;
            }
        }
        return true;
    }

    /** The position: {@code path} as a JSON pointer or field path, else the longest object field the expression reads. */
    static String pointer(String path, CelExpr expr) {
        if (path != null && !path.isBlank()) {
            String p = path.strip();
            if (p.startsWith("/")) {
                return p;
            }
            String pointer = "";
            for (String step : (p.startsWith(".") ? p.substring(1) : p).split("\\.")) {
                pointer = step.isEmpty() ? pointer : JsonPointer.child(pointer, step);
            }
            return pointer;
        }
        return CelCost.longestPointer(expr, "object");
    }

    /** {@code tree}: kind → the objects of that kind in the unit's graph, in tree order. */
    private static Object tree(List<KubeObject> objects) {
        Map<String, List<Object>> byKind = new LinkedHashMap<>();
        for (KubeObject o : objects) {
            if (o.kind() != null) {
                byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(CelValues.object(o));
            }
        }
        return java.util.Collections.unmodifiableMap(byKind);
    }

}
