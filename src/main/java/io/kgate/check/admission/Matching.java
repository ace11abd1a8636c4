package io.kgate.check.admission;

import io.kgate.cel.CelValues;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.SeqNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an object is selected by a policy's matchConstraints or a binding's matchResources, as the
 * API server decides it for a create: resourceRules (apiGroups, apiVersions, resources, operations
 * CREATE, UPDATE or *) minus excludeResourceRules, objectSelector on the object's labels, and
 * namespaceSelector on the labels of its Namespace in the tree (a namespaced object whose Namespace
 * is not in the tree is not matched by a non-empty namespaceSelector: kgate cannot know its labels).
 */
record Matching(KubeObject object, String group, String version, String resource,
        Map<String, Map<String, String>> namespaces) {

    static Matching of(KubeObject o, Map<String, Map<String, String>> namespaces) {
        String apiVersion = o.apiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new Matching(o, group, version, plural(o.kind()), namespaces);
    }

    /** The resource name of a kind, as the API server names built-in kinds (Ingress → ingresses). */
    static String plural(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("endpoints")) {
            return k;
        }
        if (k.endsWith("y") && !k.endsWith("ay") && !k.endsWith("ey")) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        if (k.endsWith("s") || k.endsWith("x") || k.endsWith("ch")) {
            return k + "es";
        }
        return k + "s";
    }

    /** True when {@code constraints} (null: no constraints) select the object. */
    boolean matches(MapNode constraints) {
        if (constraints == null) {
            return true;
        }
        SeqNode rules = constraints.seq("resourceRules");
        if (rules != null && rules.items().stream().noneMatch(r -> rule(r.asMap(), true))) {
            return false;
        }
        SeqNode excluded = constraints.seq("excludeResourceRules");
        if (excluded != null && excluded.items().stream().anyMatch(r -> rule(r.asMap(), false))) {
            return false;
        }
        LabelSelector objectSelector = LabelSelector.of(constraints.get("objectSelector"));
        if (objectSelector != null && !objectSelector.matches(object.labels())) {
            return false;
        }
        LabelSelector namespaceSelector = LabelSelector.of(constraints.get("namespaceSelector"));
        if (namespaceSelector != null && !namespaceSelector.isEmpty()) {
            Map<String, String> labels = "Namespace".equals(object.kind()) ? object.labels()
                    : object.namespace() == null ? null : namespaces.get(object.namespace());
            return labels != null && namespaceSelector.matches(labels);
        }
        return true;
    }

    private boolean rule(MapNode r, boolean needsOperation) {
        if (r == null) {
            return false;
        }
        if (needsOperation && !contains(r.seq("operations"), "CREATE") && !contains(r.seq("operations"), "UPDATE")) {
            return false;
        }
        return contains(r.seq("apiGroups"), group) && contains(r.seq("apiVersions"), version)
                && contains(r.seq("resources"), resource);
    }

    /** A list of names containing {@code value} or "*"; an absent list matches everything. */
    private static boolean contains(SeqNode list, String value) {
        if (list == null) {
            return true;
        }
        for (Node n : list.items()) {
            if ("*".equals(n.text()) || value.equals(n.text())) {
                return true;
            }
        }
        return false;
    }

    /** The {@code request} variable of an offline create. */
    static Object request(KubeObject o) {
        Matching m = of(o, Map.of());
        Map<String, Object> kind = inOrder("group", m.group, "version", m.version, "kind", o.kind());
        Map<String, Object> resource = inOrder("group", m.group, "version", m.version, "resource", m.resource);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", kind);
        request.put("resource", resource);
        request.put("name", o.name() == null ? "" : o.name());
        request.put("namespace", o.namespace() == null ? "" : o.namespace());
        request.put("operation", "CREATE");
        request.put("userInfo", inOrder("username", "", "groups", List.of()));
        request.put("dryRun", false);
        return CelValues.plain(request);
    }

    /**
     * A map of these keys and values iterated in this order, as the API server's structs are: a policy
     * may iterate a map, and a Map.of's order changes from one JVM start to the next.
     */
    private static Map<String, Object> inOrder(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
