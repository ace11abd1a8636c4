package io.kgate.check.admission;

import io.kgate.cel.CelCost;
import io.kgate.cel.CelValues;
import io.kgate.cel.KubeCel;
import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.SeqNode;
import io.kgate.unit.Unit;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code admission-policy}: ValidatingAdmissionPolicies with their bindings, from the tree and from
 * {@code --policies}, applied offline to the objects of the tree as the API server applies them on
 * create: matchConstraints and the binding's matchResources (resource rules with operation CREATE or
 * UPDATE, objectSelector, namespaceSelector against the Namespaces of the tree), matchConditions,
 * variables, params from paramRef objects of the tree, and validations; the binding's
 * validationActions give the severity (Deny error, Warn warning, Audit info). Policies, bindings and
 * Namespaces are cluster-wide; params and the objects checked are those of each deployment unit. The
 * expressions of the tree's policies are compiled once per run, matched or not (the API server
 * refuses a policy that does not compile); those of {@code --policies} when an object first matches.
 */
public final class AdmissionPolicyCheck implements ObjectCheck {
    public static final String ID = "admission-policy";
    static final String POLICY = "ValidatingAdmissionPolicy";
    static final String BINDING = "ValidatingAdmissionPolicyBinding";
    private static final List<String> VARIABLES = List.of("object", "oldObject", "request", "params",
            "namespaceObject", "variables");

    private final List<KubeObject> extra;

    /** {@code extra}: the objects read from {@code --policies} (policies, bindings, their params). */
    public AdmissionPolicyCheck(List<KubeObject> extra) {
        this.extra = List.copyOf(extra);
    }

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
    }

    /** Policies, bindings and Namespaces are read whole in the tree pass; other objects are re-read when matched. */
    @Override
    public boolean needsWholeTree(KubeObject o) {
        return isPolicy(o) || isBinding(o) || "Namespace".equals(o.kind()) || "-".equals(o.file().displayName());
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }

    static boolean isPolicy(KubeObject o) {
        return POLICY.equals(o.kind()) && o.apiVersion() != null
                && o.apiVersion().startsWith("admissionregistration.k8s.io/");
    }

    static boolean isBinding(KubeObject o) {
        return BINDING.equals(o.kind()) && o.apiVersion() != null
                && o.apiVersion().startsWith("admissionregistration.k8s.io/");
    }

    /** A policy's expressions, compiled once; null entries did not compile (reported at their line). */
    private record Compiled(List<KubeCel.Program> conditions, List<String> variableNames,
            List<KubeCel.Program> variables, List<KubeCel.Program> validations, List<KubeCel.Program> messages,
            boolean usable) {
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        Map<KubeObject, Compiled> compiled = new IdentityHashMap<>();
        // the API server compiles a policy's expressions when it is created: one that does not compile
        // is an error whether or not a binding or an object of the tree selects it
        for (KubeObject o : ctx.objects()) {
            if (isPolicy(o) && o.name() != null) {
                compiled.computeIfAbsent(o, p -> compile(ctx, p, out));
            }
        }
        Wholes wholes = new Wholes();
        Set<String> paramsMissing = new java.util.HashSet<>();
        // policies, bindings and Namespaces are cluster-wide (every unit sees them); params and the
        // objects checked are those of the unit, with the namespace kustomize or Flux gives them
        for (Unit unit : ctx.units()) {
            List<KubeObject> visible = new ArrayList<>(extra);
            visible.addAll(unit.linked());
            run(ctx, unit, visible, compiled, wholes, paramsMissing, out);
        }
    }

    private void run(CheckContext ctx, Unit unit, List<KubeObject> visible, Map<KubeObject, Compiled> compiled,
            Wholes wholes, Set<String> paramsMissing, Consumer<Finding> out) {
        Map<String, KubeObject> policies = new LinkedHashMap<>();
        List<KubeObject> bindings = new ArrayList<>();
        for (KubeObject o : visible) {
            if (isPolicy(o) && o.name() != null) {
                policies.put(o.name(), o);
            } else if (isBinding(o)) {
                bindings.add(o);
            }
        }
        if (bindings.isEmpty() || policies.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> namespaces = new HashMap<>();
        Map<String, KubeObject> namespaceObjects = new HashMap<>();
        for (KubeObject o : visible) {
            if ("Namespace".equals(o.kind()) && "v1".equals(o.apiVersion()) && o.name() != null) {
                namespaces.put(o.name(), o.labels());
                namespaceObjects.put(o.name(), o);
            }
        }
        for (KubeObject binding : bindings) {
            MapNode spec = binding.root().map("spec");
            KubeObject policy = spec == null ? null : policies.get(spec.string("policyName"));
            if (policy == null) {
                continue; // the policy lives in the cluster: nothing to apply offline
            }
            Severity severity = severity(spec.seq("validationActions"));
            MapNode policySpec = policy.root().map("spec");
            if (severity == null || policySpec == null) {
                continue;
            }
            for (KubeObject o : unit.objects()) {
                if (isPolicy(o) || isBinding(o) || o.kind() == null || o.apiVersion() == null) {
                    continue;
                }
                Matching m = Matching.of(o, namespaces);
                if (!m.matches(policySpec.map("matchConstraints")) || !m.matches(spec.map("matchResources"))) {
                    continue;
                }
                Compiled c = compiled.computeIfAbsent(policy, p -> compile(ctx, p, out));
                if (!c.usable()) {
                    continue;
                }
                KubeObject whole = wholes.of(o);
                List<Object> paramSets = params(policySpec, spec, o, visible, wholes);
                if (paramSets == null && paramsMissing.add(binding.name() + "\u0000" + unit.name())) {
                    out.accept(Finding.at(ID, Severity.INFO, binding, "/spec/paramRef", BINDING + " " + binding.name()
                            + ": its params (" + policySpec.map("paramKind").string("kind") + " "
                            + java.util.Objects.requireNonNullElse(spec.map("paramRef").string("name"),
                                    "selected by paramRef.selector") + ") are not in deployment unit " + unit.name()
                            + "; policy " + policy.name() + " is not evaluated offline with this binding there"));
                }
                if (paramSets == null) {
                    continue;
                }
                for (Object params : paramSets) {
                    apply(ctx, policy, binding, c, whole, params, namespaceObjects.get(o.namespace()), severity, out);
                }
            }
        }
    }

    private static Severity severity(SeqNode actions) {
        if (actions == null) {
            return null;
        }
        Severity worst = null;
        for (Node a : actions.items()) {
            Severity s = switch (a.text() == null ? "" : a.text()) {
                case "Deny" -> Severity.ERROR;
                case "Warn" -> Severity.WARNING;
                case "Audit" -> Severity.INFO;
                default -> null;
            };
            if (s != null && (worst == null || s.atLeast(worst))) {
                worst = s;
            }
        }
        return worst;
    }

    private Compiled compile(CheckContext ctx, KubeObject policy, Consumer<Finding> out) {
        KubeCel cel = KubeCel.get();
        boolean usable = true;
        List<KubeCel.Program> conditions = new ArrayList<>();
        SeqNode mc = policy.root().map("spec").seq("matchConditions");
        for (int i = 0; mc != null && i < mc.size(); i++) {
            KubeCel.Program p = compileOne(ctx, cel, policy, "/spec/matchConditions/" + i + "/expression", out);
            usable &= p != null;
            conditions.add(p);
        }
        List<String> names = new ArrayList<>();
        List<KubeCel.Program> variables = new ArrayList<>();
        SeqNode vars = policy.root().map("spec").seq("variables");
        for (int i = 0; vars != null && i < vars.size(); i++) {
            MapNode v = vars.get(i).asMap();
            names.add(v == null ? null : v.string("name"));
            KubeCel.Program p = compileOne(ctx, cel, policy, "/spec/variables/" + i + "/expression", out);
            usable &= p != null;
            variables.add(p);
        }
        List<KubeCel.Program> validations = new ArrayList<>();
        List<KubeCel.Program> messages = new ArrayList<>();
        SeqNode vs = policy.root().map("spec").seq("validations");
        for (int i = 0; vs != null && i < vs.size(); i++) {
            validations.add(compileOne(ctx, cel, policy, "/spec/validations/" + i + "/expression", out));
            MapNode v = vs.get(i).asMap();
            messages.add(v != null && v.string("messageExpression") != null
                    ? compileOne(ctx, cel, policy, "/spec/validations/" + i + "/messageExpression", out) : null);
        }
        return new Compiled(conditions, names, variables, validations, messages, usable);
    }

    private static KubeCel.Program compileOne(CheckContext ctx, KubeCel cel, KubeObject policy, String pointer,
            Consumer<Finding> out) {
        Node n = policy.at(pointer);
        String source = n == null ? null : n.text();
        if (source == null) {
            return null;
        }
        KubeCel.Compiled c = cel.compile(source, VARIABLES, Set.of("authorizer"));
        String what = JsonPointer.toDotted(pointer) + " of " + POLICY + " " + policy.name();
        return switch (c) {
            case KubeCel.Program p -> p;
            case KubeCel.CompileError e -> {
                out.accept(ctx.finding(ID, policy, pointer, what + " does not compile: " + e.message()
                        + " (at column " + e.column() + ")"));
                yield null;
            }
            case KubeCel.Unsupported u -> {
                out.accept(Finding.at(ID, Severity.INFO, policy, pointer, what + " is not evaluated offline: it uses "
                        + u.name() + ", which needs the cluster"));
                yield null;
            }
        };
    }

    /** The param objects to evaluate with: [null] without paramKind; null when they are not in the tree. */
    private static List<Object> params(MapNode policySpec, MapNode bindingSpec, KubeObject o, List<KubeObject> all,
            Wholes wholes) {
        MapNode kind = policySpec.map("paramKind");
        MapNode ref = bindingSpec.map("paramRef");
        if (kind == null || ref == null) {
            return java.util.Collections.singletonList(CelValues.nullValue());
        }
        String namespace = ref.string("namespace") != null ? ref.string("namespace") : o.namespace();
        LabelSelector selector = LabelSelector.of(ref.get("selector"));
        List<Object> found = new ArrayList<>();
        for (KubeObject p : all) {
            if (!java.util.Objects.equals(kind.string("apiVersion"), p.apiVersion())
                    || !java.util.Objects.equals(kind.string("kind"), p.kind())) {
                continue;
            }
            if (namespace != null && p.namespace() != null && !namespace.equals(p.namespace())) {
                continue;
            }
            boolean named = ref.string("name") != null && ref.string("name").equals(p.name());
            if (named || (ref.string("name") == null && selector != null && selector.matches(p.labels()))) {
                found.add(CelValues.object(wholes.of(p)));
            }
        }
        if (found.isEmpty()) {
            // parameterNotFoundAction Allow lets the object through; with Deny the params may be in the cluster
            return "Allow".equals(ref.string("parameterNotFoundAction")) ? List.of() : null;
        }
        return found;
    }

    private void apply(CheckContext ctx, KubeObject policy, KubeObject binding, Compiled c, KubeObject o,
            Object params, KubeObject namespace, Severity severity, Consumer<Finding> out) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("object", CelValues.object(o));
        vars.put("oldObject", CelValues.nullValue());
        vars.put("request", Matching.request(o));
        vars.put("params", params);
        vars.put("namespaceObject", namespace == null ? CelValues.nullValue() : CelValues.object(namespace));
        Map<String, Object> variables = new LinkedHashMap<>();
        vars.put("variables", variables);
        String prefix = POLICY + " " + policy.name() + " (binding " + binding.name() + "): ";
        for (KubeCel.Program condition : c.conditions()) {
            KubeCel.Result r = KubeCel.evaluate(condition, vars);
            if (r instanceof KubeCel.Failure f) {
                out.accept(ctx.finding(ID, o, "", prefix + "matchCondition '" + condition.source()
                        + "' cannot be evaluated: " + f.message()));
                return;
            }
            if (!Boolean.TRUE.equals(((KubeCel.Value) r).value())) {
                return; // the policy does not apply to this object
            }
        }
        for (int i = 0; i < c.variables().size(); i++) {
            KubeCel.Result r = KubeCel.evaluate(c.variables().get(i), vars);
            // a variable that fails makes every validation using it fail: evaluated lazily by the server,
            // eagerly here, so its error is reported when a validation reads it
            variables.put(c.variableNames().get(i), r instanceof KubeCel.Value v ? v.value() : new Failed(r));
        }
        SeqNode vs = policy.root().map("spec").seq("validations");
        for (int i = 0; i < c.validations().size(); i++) {
            KubeCel.Program p = c.validations().get(i);
            if (p == null) {
                continue;
            }
            MapNode v = vs.get(i).asMap();
            KubeCel.Result r = KubeCel.evaluate(p, Map.copyOf(withVariables(vars, variables)));
            String pointer = CelCost.longestPointer(p.expr(), "object");
            if (r instanceof KubeCel.Failure f) {
                out.accept(Finding.at(ID, f.limit() ? Severity.WARNING : severity, o, pointer, prefix + "expression '"
                        + p.source() + "' cannot be evaluated: " + failedVariable(c, variables, p.source())
                        .orElse(f.message())));
                continue;
            }
            Object value = ((KubeCel.Value) r).value();
            if (Boolean.TRUE.equals(value)) {
                continue;
            }
            String message = v.string("message") != null ? v.string("message") : "failed expression: " + p.source();
            KubeCel.Program me = c.messages().get(i);
            if (me != null && KubeCel.evaluate(me, withVariables(vars, variables)) instanceof KubeCel.Value mv
                    && mv.value() instanceof String s && !s.isBlank()) {
                message = s;
            }
            out.accept(Finding.at(ID, severity, o, pointer, prefix + message.strip()));
        }
    }

    /** Why a validation failed when it reads a variable that failed: that variable's own failure. */
    private static java.util.Optional<String> failedVariable(Compiled c, Map<String, Object> variables, String source) {
        for (int i = 0; i < c.variableNames().size(); i++) {
            String name = c.variableNames().get(i);
            if (name != null && variables.get(name) instanceof Failed(KubeCel.Failure f)
                    && java.util.regex.Pattern.compile("\\bvariables\\." + java.util.regex.Pattern.quote(name) + "\\b")
                            .matcher(source).find()) {
                return java.util.Optional.of("variable " + name + " ('" + c.variables().get(i).source()
                        + "') cannot be evaluated: " + f.message());
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Object> withVariables(Map<String, Object> vars, Map<String, Object> variables) {
        Map<String, Object> clean = new LinkedHashMap<>();
        variables.forEach((k, v) -> clean.put(k, v instanceof Failed ? CelValues.nullValue() : v));
        Map<String, Object> out = new HashMap<>(vars);
        out.put("variables", clean);
        return out;
    }

    private record Failed(KubeCel.Result result) {
    }

    /** Whole objects for the tree pass: the tree pass keeps only some fields, so matched objects are re-read. */
    private static final class Wholes {
        private final Map<String, List<KubeObject>> files = new HashMap<>();

        KubeObject of(KubeObject o) {
            if (o.root().weight() > 1 || o.root().size() == 0) {
                return o; // whole: a pruned tree has weight 1 (RetainedFields)
            }
            List<KubeObject> objects = files.computeIfAbsent(o.file().displayName(), f -> {
                try {
                    LoadResult r = new Loader(LoadLimits.DEFAULT).load(List.of(f), new ByteArrayInputStream(new byte[0]));
                    return r.objects();
                } catch (PathException | RuntimeException e) {
                    return List.of();
                }
            });
            for (KubeObject w : objects) {
                if (w.documentIndex() == o.documentIndex() && w.listIndex() == o.listIndex()) {
                    return o.withRoot(w.root()); // keeps the namespace the unit gives it
                }
            }
            return o;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
