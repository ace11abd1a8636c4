package io.kgate.check.crd;

import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import io.kgate.schema.CustomResources;
import io.kgate.schema.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code crd-schema}: the CustomResourceDefinitions of the tree are checked as the API server checks
 * them (k8s.io/apiextensions-apiserver validation of apiextensions.k8s.io/v1): names, versions, and
 * structural schemas (a type from the list on every specified node, properties only on objects, items
 * on arrays, int-or-string and preserve-unknown-fields where they may be, list-map keys that exist and
 * are required scalars, none of the JSON-schema keywords Kubernetes forbids).
 */
public final class CrdSchemaCheck implements ObjectCheck {
    public static final String ID = "crd-schema";
    private static final List<String> TYPES = List.of("array", "boolean", "integer", "number", "object", "string");
    private static final Set<String> SCALARS = Set.of("boolean", "integer", "number", "string");
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Map<String, String> FORBIDDEN = Map.of(
            "$ref", "$ref is not supported in CRD schemas: inline the schema",
            "definitions", "definitions are not supported in CRD schemas",
            "id", "id is not supported in CRD schemas",
            "patternProperties", "patternProperties is not supported in CRD schemas",
            "additionalItems", "additionalItems is not supported in CRD schemas",
            "dependencies", "dependencies is not supported in CRD schemas");

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (CustomResources.isCrd(o) && "apiextensions.k8s.io/v1".equals(o.apiVersion())
                && o.root().map("spec") instanceof MapNode spec) {
            names(ctx, o, spec, out);
            versions(ctx, o, spec, out);
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }

    private static void names(CheckContext ctx, KubeObject o, MapNode spec, Consumer<Finding> out) {
        String group = spec.string("group");
        MapNode names = spec.map("names");
        String plural = names == null ? null : names.string("plural");
        if (group != null && !group.contains(".")) {
            out.accept(ctx.finding(ID, o, "/spec/group", "spec.group \"" + group
                    + "\" must be a domain name with at least one dot (like example.com)"));
        }
        if (plural != null && !DNS_1035.matcher(plural).matches()) {
            out.accept(ctx.finding(ID, o, "/spec/names/plural", "spec.names.plural \"" + plural
                    + "\" must be lower case letters, digits and '-' (a DNS-1035 label)"));
        }
        String singular = names == null ? null : names.string("singular");
        if (singular != null && !singular.isEmpty() && !DNS_1035.matcher(singular).matches()) {
            out.accept(ctx.finding(ID, o, "/spec/names/singular", "spec.names.singular \"" + singular
                    + "\" must be lower case letters, digits and '-' (a DNS-1035 label)"));
        }
        if (group != null && plural != null && o.name() != null && !o.name().equals(plural + "." + group)) {
            out.accept(ctx.finding(ID, o, "/metadata/name", "metadata.name \"" + o.name()
                    + "\" must be spec.names.plural + \".\" + spec.group: \"" + plural + "." + group + "\""));
        }
    }

    private static void versions(CheckContext ctx, KubeObject o, MapNode spec, Consumer<Finding> out) {
        SeqNode versions = spec.seq("versions");
        if (versions == null) {
            return;
        }
        int storage = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            MapNode v = versions.get(i).asMap();
            if (v == null) {
                continue;
            }
            String pointer = "/spec/versions/" + i;
            if (v.get("storage") instanceof ScalarNode s && Boolean.TRUE.equals(s.value())) {
                storage++;
            }
            String name = v.string("name");
            if (name != null) {
                Integer first = seen.putIfAbsent(name, i);
                if (first != null) {
                    out.accept(ctx.finding(ID, o, pointer + "/name", "version \"" + name
                            + "\" is listed twice (first as spec.versions[" + first + "])"));
                } else if (!DNS_1035.matcher(name).matches()) {
                    out.accept(ctx.finding(ID, o, pointer + "/name", "version name \"" + name
                            + "\" must be a DNS-1035 label (like v1 or v1beta2)"));
                }
            }
            Node schema = o.at(pointer + "/schema/openAPIV3Schema");
            if (schema == null) {
                out.accept(ctx.finding(ID, o, pointer, "version " + (name == null ? i : name)
                        + " has no schema.openAPIV3Schema: apiextensions.k8s.io/v1 requires a structural schema"));
            } else if (schema instanceof MapNode root) {
                if (!"object".equals(root.string("type"))) {
                    out.accept(ctx.finding(ID, o, pointer + "/schema/openAPIV3Schema/type",
                            "the root of openAPIV3Schema must be type: object"));
                }
                node(ctx, o, root, pointer + "/schema/openAPIV3Schema", false, out);
            }
        }
        if (storage != 1 && !versions.items().isEmpty()) {
            out.accept(ctx.finding(ID, o, "/spec/versions", "exactly one version must be marked "
                    + "storage: true, found " + storage));
        }
    }

    /** One schema node; {@code valueValidation} inside allOf, anyOf, oneOf and not. */
    private static void node(CheckContext ctx, KubeObject o, MapNode s, String pointer, boolean valueValidation,
            Consumer<Finding> out) {
        node(ctx, o, s, pointer, valueValidation, false, out);
    }

    /** {@code intOrStringBranch}: a branch of anyOf/oneOf under x-kubernetes-int-or-string, where {type: integer} is allowed. */
    private static void node(CheckContext ctx, KubeObject o, MapNode s, String pointer, boolean valueValidation,
            boolean intOrStringBranch, Consumer<Finding> out) {
        for (MapNode.Entry e : s.entries()) {
            String why = FORBIDDEN.get(e.key());
            if (why != null) {
                out.accept(ctx.finding(ID, o, pointer + "/" + escape(e.key()), why));
            }
        }
        String type = s.string("type");
        boolean intOrString = isTrue(s, "x-kubernetes-int-or-string");
        boolean preserve = isTrue(s, "x-kubernetes-preserve-unknown-fields");
        if (s.get("type") != null && type == null) {
            out.accept(ctx.finding(ID, o, pointer + "/type", "type must be a string"));
        } else if (type != null && !TYPES.contains(type)) {
            out.accept(ctx.finding(ID, o, pointer + "/type", "type \"" + type + "\" is not one of "
                    + String.join(", ", TYPES) + suggestion(type)));
        }
        if (valueValidation) {
            if (type != null && !(intOrStringBranch && ("integer".equals(type) || "string".equals(type)))) {
                out.accept(ctx.finding(ID, o, pointer + "/type", "type must not be set inside "
                        + "allOf, anyOf, oneOf or not: a structural schema declares types outside them"));
            }
        } else if (type == null && !intOrString && !preserve) {
            out.accept(ctx.finding(ID, o, pointer, "type is required (a structural schema gives "
                    + "every field a type, unless it sets x-kubernetes-int-or-string or "
                    + "x-kubernetes-preserve-unknown-fields)"));
        }
        if (intOrString && type != null) {
            out.accept(ctx.finding(ID, o, pointer + "/type", "type must be empty with "
                    + "x-kubernetes-int-or-string: true (the value is an integer or a string)"));
        }
        if (s.get("x-kubernetes-preserve-unknown-fields") instanceof ScalarNode p && Boolean.FALSE.equals(p.value())) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-preserve-unknown-fields",
                    "x-kubernetes-preserve-unknown-fields must be true or left out"));
        }
        if (preserve && type != null && !type.equals("object") && TYPES.contains(type)) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-preserve-unknown-fields",
                    "x-kubernetes-preserve-unknown-fields is only allowed on objects, not on type " + type));
        }
        if (isTrue(s, "x-kubernetes-embedded-resource") && !"object".equals(type)) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-embedded-resource",
                    "x-kubernetes-embedded-resource needs type: object"));
        }
        if (isTrue(s, "uniqueItems")) {
            out.accept(ctx.finding(ID, o, pointer + "/uniqueItems", "uniqueItems cannot be true "
                    + "(its cost is quadratic); use x-kubernetes-list-type: set"));
        }
        MapNode props = s.map("properties");
        if (s.get("properties") != null && type != null && !type.equals("object")) {
            out.accept(ctx.finding(ID, o, pointer + "/properties", "properties are only allowed on "
                    + "type: object, not on type " + type));
        }
        if (props != null && s.get("additionalProperties") != null) {
            out.accept(ctx.finding(ID, o, pointer + "/additionalProperties",
                    "additionalProperties and properties are mutually exclusive"));
        }
        if (s.get("additionalProperties") instanceof MapNode && type != null && !type.equals("object")) {
            out.accept(ctx.finding(ID, o, pointer + "/additionalProperties",
                    "additionalProperties is only allowed on type: object"));
        }
        Node items = s.get("items");
        if ("array".equals(type) && items == null && !valueValidation) {
            out.accept(ctx.finding(ID, o, pointer + "/type", "type: array needs items (the schema "
                    + "of its elements)"));
        }
        if (items != null && type != null && !type.equals("array")) {
            out.accept(ctx.finding(ID, o, pointer + "/items", "items is only allowed on type: array, "
                    + "not on type " + type));
        }
        if (items instanceof SeqNode) {
            out.accept(ctx.finding(ID, o, pointer + "/items", "items must be one schema, not a list"));
        }
        listType(ctx, o, s, pointer, type, out);
        String mapType = s.string("x-kubernetes-map-type");
        if (mapType != null && type != null && !type.equals("object")) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-map-type",
                    "x-kubernetes-map-type is only allowed on type: object"));
        }
        // children
        if (props != null) {
            for (MapNode.Entry e : props.entries()) {
                if (e.value() instanceof MapNode child) {
                    node(ctx, o, child, pointer + "/properties/" + escape(e.key()), valueValidation, out);
                }
            }
        }
        if (items instanceof MapNode child) {
            node(ctx, o, child, pointer + "/items", valueValidation, out);
        }
        if (s.get("additionalProperties") instanceof MapNode child) {
            node(ctx, o, child, pointer + "/additionalProperties", valueValidation, out);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (s.get(combinator) instanceof SeqNode branches) {
                for (int i = 0; i < branches.size(); i++) {
                    if (branches.get(i) instanceof MapNode child) {
                        node(ctx, o, child, pointer + "/" + combinator + "/" + i, true, intOrString, out);
                    }
                }
            }
        }
        if (s.get("not") instanceof MapNode child) {
            node(ctx, o, child, pointer + "/not", true, out);
        }
    }

    private static void listType(CheckContext ctx, KubeObject o, MapNode s, String pointer, String type, Consumer<Finding> out) {
        String listType = s.string("x-kubernetes-list-type");
        Node keysNode = s.get("x-kubernetes-list-map-keys");
        if (listType != null && type != null && !type.equals("array")) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-list-type",
                    "x-kubernetes-list-type is only allowed on type: array"));
        }
        if (keysNode != null && !"map".equals(listType)) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-list-map-keys",
                    "x-kubernetes-list-map-keys needs x-kubernetes-list-type: map"));
        }
        MapNode items = s.map("items");
        if ("map".equals(listType)) {
            if (!(keysNode instanceof SeqNode keys) || keys.size() == 0) {
                out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-list-type",
                        "x-kubernetes-list-type: map needs x-kubernetes-list-map-keys naming the key fields"));
                return;
            }
            if (items == null || !"object".equals(items.string("type"))) {
                out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-list-type",
                        "x-kubernetes-list-type: map needs items of type: object"));
                return;
            }
            MapNode props = items.map("properties");
            List<String> required = items.seq("required") == null ? List.of()
                    : items.seq("required").items().stream().map(Node::text).toList();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i).text();
                String at = pointer + "/x-kubernetes-list-map-keys/" + i;
                MapNode prop = key == null || props == null ? null : props.map(key);
                if (prop == null) {
                    out.accept(ctx.finding(ID, o, at, "list map key \"" + key
                            + "\" is not a property of the items"));
                } else if (!SCALARS.contains(prop.string("type"))) {
                    out.accept(ctx.finding(ID, o, at, "list map key \"" + key
                            + "\" must be a scalar (string, integer, number or boolean)"));
                } else if (!required.contains(key) && prop.get("default") == null) {
                    out.accept(ctx.finding(ID, o, at, "list map key \"" + key
                            + "\" must be required or have a default"));
                }
            }
        } else if ("set".equals(listType) && items != null && "object".equals(items.string("type"))
                && !"atomic".equals(items.string("x-kubernetes-map-type"))) {
            out.accept(ctx.finding(ID, o, pointer + "/x-kubernetes-list-type",
                    "x-kubernetes-list-type: set needs scalar items (or objects with x-kubernetes-map-type: atomic)"));
        }
    }

    private static boolean isTrue(MapNode s, String key) {
        return s.get(key) instanceof ScalarNode v && Boolean.TRUE.equals(v.value());
    }

    private static String suggestion(String type) {
        String best = null;
        int bestDistance = 3;
        for (String t : TYPES) {
            int d = Validator.distance(type.toLowerCase(java.util.Locale.ROOT), t);
            if (d < bestDistance) {
                best = t;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean \"" + best + "\"?";
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
