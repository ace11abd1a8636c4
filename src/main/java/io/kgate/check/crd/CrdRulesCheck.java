package io.kgate.check.crd;

import io.kgate.cel.CelCost;
import io.kgate.cel.CelValues;
import io.kgate.cel.KubeCel;
import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import io.kgate.schema.CustomResources;
import io.kgate.schema.SchemaStore;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code crd-rules}: every custom resource is checked against the CEL validation rules
 * ({@code x-kubernetes-validations}) of its CRD, as the API server does on create: defaults applied,
 * {@code self} bound to the node that carries the rule, rules on absent or null nodes not run. The
 * rules of a CRD of the tree are compiled once per run, whether or not a custom resource of its kind is
 * in the run; those of {@code --crds} only when one is. What a rule itself gets wrong (does not compile,
 * costs too much, needs what kgate does not have offline, is a transition rule) is reported once, at the
 * rule's line in the CRD.
 */
public final class CrdRulesCheck implements ObjectCheck {
    public static final String ID = "crd-rules";
    private static final String VALIDATIONS = "x-kubernetes-validations";

    private final List<KubeObject> extraCrds;
    private final SchemaStore builtIn;

    public CrdRulesCheck(List<KubeObject> extraCrds, String kubernetesVersion) {
        this.extraCrds = List.copyOf(extraCrds);
        this.builtIn = SchemaStore.of(kubernetesVersion);
    }

    /** Everything happens in the tree pass, once the CRDs of the whole tree are known. */
    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
    }

    /** CRDs and the objects that may be custom resources (no built-in schema) stay whole for the tree pass. */
    @Override
    public boolean needsWholeTree(KubeObject o) {
        return CustomResources.isCrd(o) || o.apiVersion() != null && o.kind() != null
                && (builtIn == null || builtIn.definitionOf(o.apiVersion(), o.kind()) == null);
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }

    /** One rule of a CRD, compiled; {@code usable} is false when it must not run on objects. */
    private record CompiledRule(MapNode rule, String pointer, KubeCel.Program program, KubeCel.Program message,
            boolean optionalOldSelf, boolean usable) {
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        List<KubeObject> objects = ctx.objects();
        Map<MapNode, CompiledRule> compiled = new IdentityHashMap<>();
        // the API server compiles a CRD's rules when the CRD is applied: one that does not compile is an
        // error whether or not a custom resource of its kind is in the tree (the CRDs of --crds and of
        // the embedded catalogue are compiled only when a custom resource needs them)
        for (KubeObject o : objects) {
            if (CustomResources.isCrd(o) && "apiextensions.k8s.io/v1".equals(o.apiVersion())
                    && o.root().map("spec") != null && o.root().map("spec").seq("versions") != null) {
                SeqNode versions = o.root().map("spec").seq("versions");
                for (int i = 0; i < versions.size(); i++) {
                    String pointer = "/spec/versions/" + i + "/schema/openAPIV3Schema";
                    if (o.at(pointer) instanceof MapNode schema && hasRules(schema)) {
                        compileAll(ctx, o, schema, pointer, compiled, out);
                    }
                }
            }
        }
        CrdVersions crds = new CrdVersions(extraCrds, objects);
        if (crds.isEmpty()) {
            return;
        }
        for (KubeObject o : objects) {
            if (o.apiVersion() == null || o.kind() == null || CustomResources.isCrd(o)) {
                continue;
            }
            CrdVersions.Version v = crds.find(o.apiVersion(), o.kind());
            if (v == null || !hasRules(v.schema())) {
                continue;
            }
            Object self = SchemaValues.convert(o.root(), v.schema());
            walk(ctx, o, v, self, v.schema(), v.pointer(), "", compiled, out);
        }
    }

    /** Whether any node of the schema carries rules (checked before anything is compiled). */
    private static boolean hasRules(Node schema) {
        if (schema instanceof MapNode m) {
            if (m.has(VALIDATIONS)) {
                return true;
            }
            for (MapNode.Entry e : m.entries()) {
                if (hasRules(e.value())) {
                    return true;
                }
            }
        } else if (schema instanceof SeqNode s) {
            for (Node i : s.items()) {
                if (hasRules(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Compiles every rule of {@code schema} and the schemas below it, as {@link #walk} reaches them. */
    private void compileAll(CheckContext ctx, KubeObject crd, MapNode schema, String schemaPointer,
            Map<MapNode, CompiledRule> compiled, Consumer<Finding> out) {
        if (schema.get(VALIDATIONS) instanceof SeqNode rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof MapNode rule) {
                    String rulePointer = schemaPointer + "/" + VALIDATIONS + "/" + i;
                    compiled.computeIfAbsent(rule, r -> compile(ctx, crd, r, schema, rulePointer, out));
                }
            }
        }
        MapNode props = schema.map("properties");
        for (MapNode.Entry e : props == null ? List.<MapNode.Entry>of() : props.entries()) {
            if (e.value() instanceof MapNode child) {
                compileAll(ctx, crd, child, schemaPointer + "/properties/" + escape(e.key()), compiled, out);
            }
        }
        if (schema.map("additionalProperties") != null) {
            compileAll(ctx, crd, schema.map("additionalProperties"), schemaPointer + "/additionalProperties", compiled,
                    out);
        }
        if (schema.map("items") != null) {
            compileAll(ctx, crd, schema.map("items"), schemaPointer + "/items", compiled, out);
        }
    }

    private void walk(CheckContext ctx, KubeObject o, CrdVersions.Version v, Object value, MapNode schema, String schemaPointer,
            String pointer, Map<MapNode, CompiledRule> compiled, Consumer<Finding> out) {
        if (value == null || value.equals(CelValues.nullValue())) {
            return;
        }
        if (schema.get(VALIDATIONS) instanceof SeqNode rules) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof MapNode rule) {
                    String rulePointer = schemaPointer + "/" + VALIDATIONS + "/" + i;
                    CompiledRule c = compiled.computeIfAbsent(rule, r -> compile(ctx, v.crd(), r, schema, rulePointer, out));
                    if (c.usable()) {
                        evaluate(ctx, o, c, value, pointer, out);
                    }
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            MapNode props = schema.map("properties");
            MapNode additional = schema.map("additionalProperties");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                if (props != null && props.map(key) != null) {
                    walk(ctx, o, v, e.getValue(), props.map(key), schemaPointer + "/properties/" + escape(key),
                            JsonPointer.child(pointer, key), compiled, out);
                } else if (additional != null) {
                    walk(ctx, o, v, e.getValue(), additional, schemaPointer + "/additionalProperties",
                            JsonPointer.child(pointer, key), compiled, out);
                }
            }
        } else if (value instanceof List<?> list && schema.map("items") != null) {
            for (int i = 0; i < list.size(); i++) {
                walk(ctx, o, v, list.get(i), schema.map("items"), schemaPointer + "/items", JsonPointer.child(pointer, i),
                        compiled, out);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private CompiledRule compile(CheckContext ctx, KubeObject crd, MapNode rule, MapNode schema, String pointer,
            Consumer<Finding> out) {
        String source = rule.string("rule");
        boolean optionalOldSelf = rule.get("optionalOldSelf") instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
        if (source == null) {
            return new CompiledRule(rule, pointer, null, null, optionalOldSelf, false); // the schema check reports it
        }
        KubeCel cel = KubeCel.get();
        KubeCel.Compiled c = cel.compile(source, List.of("self", "oldSelf"));
        String where = "x-kubernetes-validations rule " + quote(source);
        switch (c) {
            case KubeCel.CompileError e -> {
                out.accept(ctx.finding(ID, crd, pointer + "/rule", where + " does not compile: "
                        + e.message() + " (at column " + e.column() + "); the API server refuses this CRD"));
                return new CompiledRule(rule, pointer, null, null, optionalOldSelf, false);
            }
            case KubeCel.Unsupported u -> {
                out.accept(Finding.at(ID, Severity.INFO, crd, pointer + "/rule", where + " is not evaluated offline: "
                        + "it uses " + u.name() + ", which kgate does not have"));
                return new CompiledRule(rule, pointer, null, null, optionalOldSelf, false);
            }
            case KubeCel.Program p -> {
                double cost = CelCost.estimate(p.expr(), Map.of("self", new SchemaShape(schema)));
                if (cost > CelCost.LIMIT) {
                    out.accept(ctx.finding(ID, crd, pointer + "/rule", where + " may cost about "
                            + String.format(java.util.Locale.ROOT, "%.0e", cost) + ", more than the API server's limit of "
                            + CelCost.LIMIT + ": the server refuses this CRD; bound the lists the rule iterates with "
                            + "maxItems and the strings it scans with maxLength"));
                    return new CompiledRule(rule, pointer, p, null, optionalOldSelf, false);
                }
                if (p.uses("oldSelf") && !optionalOldSelf) {
                    out.accept(Finding.at(ID, Severity.INFO, crd, pointer + "/rule", where + " is a transition rule "
                            + "(it uses oldSelf): the API server runs it on updates only, so it is not evaluated offline"));
                    return new CompiledRule(rule, pointer, p, null, optionalOldSelf, false);
                }
                KubeCel.Program message = null;
                String messageExpression = rule.string("messageExpression");
                if (messageExpression != null) {
                    KubeCel.Compiled m = cel.compile(messageExpression, List.of("self"));
                    if (m instanceof KubeCel.Program mp) {
                        message = mp;
                    } else if (m instanceof KubeCel.CompileError e) {
                        out.accept(ctx.finding(ID, crd, pointer + "/messageExpression",
                                "messageExpression " + quote(messageExpression) + " does not compile: " + e.message()
                                        + " (at column " + e.column() + "); the API server refuses this CRD"));
                    }
                }
                return new CompiledRule(rule, pointer, p, message, optionalOldSelf, true);
            }
        }
    }

    private void evaluate(CheckContext ctx, KubeObject o, CompiledRule c, Object self, String pointer, Consumer<Finding> out) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("self", self);
        if (c.optionalOldSelf()) {
            vars.put("oldSelf", Optional.empty()); // a create: there is no old object
        }
        String source = c.rule().string("rule");
        KubeCel.Result r = KubeCel.evaluate(c.program(), vars);
        String field = JsonPointer.toDotted(pointer);
        String at = field.isEmpty() ? "" : field + ": ";
        if (r instanceof KubeCel.Failure f) {
            String message = at + "rule " + quote(source)
                    + (f.limit() ? " not evaluated to the end: " : " cannot be evaluated: ") + f.message();
            // a limit is kgate's, not the server's: the object may well pass there
            out.accept(f.limit() ? Finding.at(ID, Severity.WARNING, o, pointer, message) : ctx.finding(ID, o, pointer,
                    message));
            return;
        }
        Object value = ((KubeCel.Value) r).value();
        if (Boolean.TRUE.equals(value)) {
            return;
        }
        if (!(value instanceof Boolean)) {
            out.accept(ctx.finding(ID, o, pointer, at + "rule " + quote(source)
                    + " must give true or false, gave " + CelValues.display(value)));
            return;
        }
        String target = pointer;
        String fieldPath = c.rule().string("fieldPath");
        if (fieldPath != null) {
            String extra = FieldPaths.toPointer(fieldPath);
            if (extra != null) {
                target = pointer + extra;
                field = JsonPointer.toDotted(target);
                at = field.isEmpty() ? "" : field + ": ";
            }
        }
        out.accept(ctx.finding(ID, o, target, at + reason(c.rule().string("reason")) + ": "
                + message(c, self)));
    }

    /** messageExpression when it gives a non-empty string, else message, else the rule itself. */
    private static String message(CompiledRule c, Object self) {
        if (c.message() != null) {
            KubeCel.Result r = KubeCel.evaluate(c.message(), Map.of("self", self));
            if (r instanceof KubeCel.Value v && v.value() instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        String message = c.rule().string("message");
        return message != null && !message.isBlank() ? message.strip() : "failed rule: " + c.rule().string("rule");
    }

    /** How the API server words the error type of a reason. */
    private static String reason(String reason) {
        if (reason == null) {
            return "Invalid value";
        }
        return switch (reason) {
            case "FieldValueRequired" -> "Required value";
            case "FieldValueForbidden" -> "Forbidden";
            case "FieldValueDuplicate" -> "Duplicate value";
            default -> "Invalid value";
        };
    }

    private static String quote(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return "'" + (one.length() > 80 ? one.substring(0, 77) + "..." : one) + "'";
    }

}
