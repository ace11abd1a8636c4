package io.kgate.unit;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.YamlText;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux post-build substitution: {@code ${VAR}} and {@code ${VAR:=default}} in the manifests of a Flux
 * Kustomization with {@code spec.postBuild}, from {@code substitute} and the ConfigMaps and Secrets of
 * {@code substituteFrom} that are in the tree. A variable whose value is not known offline leaves its
 * field unknown: nothing is reported about that field but one {@code flux-substitution} info per
 * variable. Secret values never appear in a message.
 */
final class Substitution {
    static final String FLUX_SUBSTITUTION = "flux-substitution";
    /** ${NAME}, ${NAME:=default}, ${NAME:-default}, ${NAME=default}, ${NAME-default} (envsubst forms Flux accepts). */
    private static final Pattern VAR = Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[=-])([^}]*))?}");
    private static final String DISABLED = "kustomize.toolkit.fluxcd.io/substitute";

    /** The variables of one Flux Kustomization: known values, and which of them come from Secrets. */
    record Vars(String owner, Map<String, String> values, Set<String> secret) {
        static Vars of(KubeObject kustomization, MapNode postBuild, List<KubeObject> objects) {
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> secret = new HashSet<>();
            if (postBuild.get("substituteFrom") instanceof SeqNode from) {
                for (Node n : from.items()) {
                    if (!(n instanceof MapNode ref) || ref.string("name") == null) {
                        continue;
                    }
                    String kind = ref.string("kind");
                    for (KubeObject o : objects) {
                        if (o.kind() != null && o.kind().equals(kind) && ref.string("name").equals(o.name())
                                && ObjectGraph.sameNamespace(kustomization.namespace(), o.namespace())
                                && "v1".equals(o.apiVersion())) {
                            read(o, values, secret);
                            break;
                        }
                    }
                }
            }
            // substitute wins over substituteFrom, as in Flux
            if (postBuild.get("substitute") instanceof MapNode m) {
                for (MapNode.Entry e : m.entries()) {
                    if (e.value() instanceof ScalarNode s && s.value() != null) {
                        values.put(e.key(), s.value() instanceof String str ? str : s.raw());
                        secret.remove(e.key());
                    }
                }
            }
            return new Vars(kustomization.ref().display(), values, secret);
        }

        private static void read(KubeObject o, Map<String, String> values, Set<String> secret) {
            boolean isSecret = "Secret".equals(o.kind());
            if (isSecret && o.root().has("sops")) {
                return; // encrypted: the values are not known offline
            }
            if (o.root().get("data") instanceof MapNode data) {
                for (MapNode.Entry e : data.entries()) {
                    String v = e.value() instanceof ScalarNode s && s.value() != null
                            ? (s.value() instanceof String str ? str : s.raw()) : null;
                    if (v == null) {
                        continue;
                    }
                    if (isSecret) {
                        try {
                            v = new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8);
                        } catch (IllegalArgumentException bad) {
                            continue; // not base64: the schema reports it
                        }
                        secret.add(e.key());
                    }
                    values.put(e.key(), v);
                }
            }
            if (isSecret && o.root().get("stringData") instanceof MapNode sd) {
                for (MapNode.Entry e : sd.entries()) {
                    if (e.value() instanceof ScalarNode s && s.value() != null) {
                        values.put(e.key(), s.value() instanceof String str ? str : s.raw());
                        secret.add(e.key());
                    }
                }
            }
        }
    }

    /**
     * Fields to leave alone after substitution: unknown ones (no finding at all) and those filled from
     * Secrets (findings there never quote the value).
     */
    public static final class Unknowns {
        public static final Unknowns NONE = new Unknowns();
        private final Set<String> unknown = new HashSet<>();
        private final Map<String, List<String>> secretValues = new HashMap<>();

        static String key(String file, String kind, String name, String pointer) {
            return file + "\u0000" + kind + "\u0000" + name + "\u0000" + pointer;
        }

        public boolean isEmpty() {
            return unknown.isEmpty() && secretValues.isEmpty();
        }

        /** True when the finding is about a field whose value is not known offline. */
        public boolean hides(Finding f) {
            return f.object() != null && f.path() != null && !f.rule().equals(FLUX_SUBSTITUTION)
                    && matches(unknown::contains, f);
        }

        /** The finding with any Secret value in its message replaced by "***". */
        public Finding redact(Finding f) {
            if (f.object() == null || f.path() == null || secretValues.isEmpty()) {
                return f;
            }
            String msg = f.message();
            for (String p = f.path(); ; p = p.substring(0, p.lastIndexOf('/'))) {
                List<String> vs = secretValues.get(key(f.file(), f.object().kind(), f.object().name(), p));
                if (vs != null) {
                    for (String v : vs) {
                        if (!v.isEmpty()) {
                            msg = msg.replace(v, "***");
                        }
                    }
                }
                if (p.isEmpty()) {
                    break;
                }
            }
            return msg.equals(f.message()) ? f : new Finding(f.rule(), f.severity(), msg, f.file(), f.pos(), f.object(),
                    f.path());
        }

        private static boolean matches(java.util.function.Predicate<String> set, Finding f) {
            for (String p = f.path(); ; p = p.substring(0, p.lastIndexOf('/'))) {
                if (set.test(key(f.file(), f.object().kind(), f.object().name(), p))) {
                    return true;
                }
                if (p.isEmpty()) {
                    return false;
                }
            }
        }
    }

    record Result(Map<KubeObject, KubeObject> replaced, List<Finding> findings, Unknowns unknowns) {
    }

    /** True when some string in the tree holds "${": a placeholder Flux may substitute. */
    static boolean hasPlaceholders(Node n) {
        if (n instanceof MapNode m) {
            for (int i = 0; i < m.size(); i++) {
                if (hasPlaceholders(m.valueAt(i))) {
                    return true;
                }
            }
            return false;
        }
        if (n instanceof SeqNode s) {
            for (int i = 0; i < s.size(); i++) {
                if (hasPlaceholders(s.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return n instanceof ScalarNode sc && sc.value() instanceof String t && t.contains("${");
    }

    private final Map<KubeObject, KubeObject> replaced = new IdentityHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Unknowns unknowns = new Unknowns();

    private Substitution() {
    }

    /** Substitutes every unit with post-build variables; an object in several such units takes the first. */
    static Result apply(List<UnitDetector.Members> units, List<KubeObject> objects) {
        Substitution s = new Substitution();
        for (UnitDetector.Members m : units) {
            if (m.substitution == null) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (KubeObject o : m.objects.keySet()) {
                if (!s.replaced.containsKey(o) && !"disabled".equals(o.annotations().get(DISABLED))) {
                    s.substitute(o, m.substitution, reported);
                }
            }
        }
        return new Result(s.replaced, s.findings, s.unknowns);
    }

    private void substitute(KubeObject o, Vars vars, Set<String> reported) {
        List<Change> changes = new ArrayList<>();
        Node root = rewrite(o.root(), "", vars, changes);
        if (changes.isEmpty()) {
            return;
        }
        KubeObject next = KubeObject.of(o.file(), o.documentIndex(), o.listIndex(), (MapNode) root, o.duplicateKeys());
        replaced.put(o, next);
        String file = o.file().displayName();
        for (Change c : changes) {
            String key = Unknowns.key(file, next.kind(), next.name(), c.pointer);
            if (!c.unknown.isEmpty()) {
                unknowns.unknown.add(key);
                for (String v : c.unknown) {
                    if (reported.add(v)) {
                        findings.add(Finding.at(FLUX_SUBSTITUTION, Severity.INFO, next, c.pointer, "${" + v
                                + "} has no value known offline (not in postBuild.substitute of " + vars.owner()
                                + ", nor in a ConfigMap or Secret of its substituteFrom in the tree): "
                                + "the fields that use it are not checked"));
                    }
                }
            }
            if (!c.secretValues.isEmpty()) {
                unknowns.secretValues.computeIfAbsent(key, k -> new ArrayList<>()).addAll(c.secretValues);
            }
        }
    }

    /** One substituted field: the variables without a known value, and the Secret values put in. */
    private record Change(String pointer, Set<String> unknown, List<String> secretValues) {
    }

    private Node rewrite(Node n, String pointer, Vars vars, List<Change> changes) {
        if (n instanceof MapNode m) {
            Map<String, MapNode.Entry> out = new LinkedHashMap<>();
            boolean changed = false;
            for (MapNode.Entry e : m.entries()) {
                Node v = rewrite(e.value(), JsonPointer.child(pointer, e.key()), vars, changes);
                changed |= v != e.value();
                out.put(e.key(), v == e.value() ? e : new MapNode.Entry(e.key(), e.keyPos(), v));
            }
            return changed ? new MapNode(m.pos(), out, m.weight()) : m;
        }
        if (n instanceof SeqNode s) {
            List<Node> out = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < s.size(); i++) {
                Node v = rewrite(s.get(i), JsonPointer.child(pointer, i), vars, changes);
                changed |= v != s.get(i);
                out.add(v);
            }
            return changed ? new SeqNode(s.pos(), out, s.weight()) : s;
        }
        ScalarNode sc = (ScalarNode) n;
        if (!(sc.value() instanceof String text) || !text.contains("${")) {
            return n;
        }
        Matcher mt = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        Set<String> unknown = new java.util.LinkedHashSet<>();
        List<String> secretValues = new ArrayList<>();
        int last = 0;
        boolean any = false;
        while (mt.find()) {
            if (mt.start() > 0 && text.charAt(mt.start() - 1) == '$') {
                continue; // $${VAR} is an escaped literal ${VAR}
            }
            any = true;
            sb.append(text, last, mt.start());
            String name = mt.group(1);
            String value = vars.values().get(name);
            if (value != null && mt.group(2) != null && mt.group(2).startsWith(":") && value.isEmpty()) {
                value = null; // ${VAR:=d}: an empty value takes the default too
            }
            if (value == null && mt.group(2) != null) {
                value = mt.group(3);
            } else if (value != null && vars.secret().contains(name)) {
                secretValues.add(value);
            }
            if (value == null) {
                unknown.add(name);
                sb.append(mt.group());
            } else {
                sb.append(value);
            }
            last = mt.end();
        }
        if (!any) {
            return n;
        }
        sb.append(text, last, text.length());
        String result = sb.toString().replace("$${", "${");
        changes.add(new Change(pointer, unknown, secretValues));
        if (!unknown.isEmpty()) {
            return n;
        }
        Object value = sc.quoted() ? result : YamlText.plainValue(result);
        return new ScalarNode(sc.pos(), value, result, sc.quoted());
    }
}
