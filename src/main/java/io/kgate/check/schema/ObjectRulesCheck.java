package io.kgate.check.schema;

import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.DuplicateKey;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.PodTemplate;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Quantity;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The part of the {@code schema} rule that the OpenAPI definitions cannot express but the API server
 * rejects for every object: duplicate keys, name formats, label and annotation syntax, quantity syntax,
 * and unique keys in lists Kubernetes keys by name or port.
 */
public final class ObjectRulesCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    /** RBAC names are path segments ("system:controller:x" is fine). */
    private static final Set<String> PATH_SEGMENT_NAMED = Set.of("Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding");
    private static final long ANNOTATIONS_MAX_BYTES = 256 * 1024;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> report) {
        // the checks below build their findings at ERROR; the rule file's severity wins
        Consumer<Finding> out = f -> report.accept(f.withSeverity(ctx.rules().severity(f.rule())));
        for (DuplicateKey d : o.duplicateKeys()) {
            out.accept(new Finding(ID, Severity.ERROR, JsonPointer.toDotted(d.pointer()) + ": duplicate key \""
                    + lastStep(d.pointer()) + "\" (first written at line " + d.firstPos().line()
                    + "); only one of the values would be applied", o.file().displayName(), d.pos(), o.ref(),
                    d.pointer()));
        }
        MapNode meta = o.metadata();
        if (meta != null) {
            name(o, meta, out);
            metadataMaps(o, meta, "/metadata", out);
        }
        String templatePtr = PodTemplate.templatePointer(o.kind());
        String podSpec = templatePtr == null ? null : templatePtr + "/spec";
        if (podSpec != null) {
            Node template = o.at(JsonPointer.parent(podSpec) + "/metadata");
            if (template instanceof MapNode tm) {
                metadataMaps(o, tm, JsonPointer.parent(podSpec) + "/metadata", out);
            }
            if (o.at(podSpec) instanceof MapNode spec) {
                podSpec(o, spec, podSpec, out);
            }
        }
        if ("Service".equals(o.kind()) && o.at("/spec/ports") instanceof SeqNode ports) {
            unique(o, ports, "/spec/ports", "port name", "name", p -> p.string("name"), out);
            unique(o, ports, "/spec/ports", "port", "port", p -> portKey(p, "port"), out);
        }
        if ("PersistentVolumeClaim".equals(o.kind())) {
            quantities(o, "/spec/resources/requests", out);
            quantities(o, "/spec/resources/limits", out);
        }
    }

    private static void name(KubeObject o, MapNode meta, Consumer<Finding> out) {
        String name = meta.string("name");
        if (name != null && !name.isEmpty()) {
            String problem;
            if (o.kind() != null && PATH_SEGMENT_NAMED.contains(o.kind())) { // no kind: Set.of rejects null
                problem = name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")
                        ? "may not be '.' or '..' and may not contain '/' or '%'" : null;
            } else if ("Service".equals(o.kind())) {
                // a Service name becomes a DNS name and an environment variable prefix: it must start with a letter
                problem = name.length() <= 63 && !DNS_1035_LABEL.matcher(name).matches()
                        ? "must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and "
                                + "ending with a letter or digit"
                        : dnsLabel(name);
            } else if ("Namespace".equals(o.kind())) {
                problem = dnsLabel(name);
            } else {
                problem = dnsSubdomain(name);
            }
            if (problem != null) {
                out.accept(Finding.at(ID, Severity.ERROR, o, "/metadata/name", "metadata.name \"" + name + "\": "
                        + problem));
            }
        }
        String ns = meta.string("namespace");
        if (ns != null && !ns.isEmpty() && dnsLabel(ns) != null) {
            out.accept(Finding.at(ID, Severity.ERROR, o, "/metadata/namespace", "metadata.namespace \"" + ns + "\": "
                    + dnsLabel(ns)));
        }
    }

    /** Null when {@code s} is a valid DNS-1123 label, else what is wrong. */
    static String dnsLabel(String s) {
        if (s.length() > 63) {
            return "must be at most 63 characters (a DNS-1123 label), has " + s.length();
        }
        return DNS_LABEL.matcher(s).matches() ? null
                : "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    static String dnsSubdomain(String s) {
        if (s.length() > 253) {
            return "must be at most 253 characters (a DNS-1123 subdomain), has " + s.length();
        }
        return DNS_SUBDOMAIN.matcher(s).matches() ? null
                : "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a "
                        + "letter or digit";
    }

    /** Label/annotation key syntax: [prefix/]name; null when valid. */
    static String qualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || dnsSubdomain(prefix) != null) {
                return "the prefix before '/' must be a DNS-1123 subdomain (e.g. example.com)";
            }
        }
        if (name.isEmpty() || name.length() > 63) {
            return "the name part must be 1 to 63 characters";
        }
        return QUALIFIED_NAME.matcher(name).matches() ? null
                : "the name part may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    private static void metadataMaps(KubeObject o, MapNode meta, String ptr, Consumer<Finding> out) {
        if (meta.get("labels") instanceof MapNode labels) {
            for (MapNode.Entry e : labels.entries()) {
                String p = JsonPointer.child(ptr + "/labels", e.key());
                String keyProblem = qualifiedName(e.key());
                if (keyProblem != null) {
                    out.accept(Finding.at(ID, Severity.ERROR, o, p, "label key \"" + e.key() + "\": " + keyProblem));
                }
                String v = e.value().text();
                if (v != null && !v.isEmpty()) {
                    String problem = v.length() > 63 ? "must be at most 63 characters, has " + v.length()
                            : QUALIFIED_NAME.matcher(v).matches() ? null
                                    : "may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
                    if (problem != null) {
                        out.accept(Finding.at(ID, Severity.ERROR, o, p, "label value \"" + v + "\" of \"" + e.key()
                                + "\": " + problem));
                    }
                }
            }
        }
        if (meta.get("annotations") instanceof MapNode annotations) {
            long bytes = 0;
            for (MapNode.Entry e : annotations.entries()) {
                String keyProblem = qualifiedName(e.key());
                if (keyProblem != null) {
                    out.accept(Finding.at(ID, Severity.ERROR, o, JsonPointer.child(ptr + "/annotations", e.key()),
                            "annotation key \"" + e.key() + "\": " + keyProblem));
                }
                String v = e.value().text();
                bytes += e.key().getBytes(StandardCharsets.UTF_8).length
                        + (v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length);
            }
            if (bytes > ANNOTATIONS_MAX_BYTES) {
                out.accept(Finding.at(ID, Severity.ERROR, o, ptr + "/annotations", "annotations total " + bytes
                        + " bytes; the API server allows at most 262144 (256 KiB)"));
            }
        }
    }

    private static void podSpec(KubeObject o, MapNode spec, String ptr, Consumer<Finding> out) {
        // container names are unique across containers and init containers
        Map<String, Node> containerNames = new HashMap<>();
        for (String list : new String[] {"initContainers", "containers"}) {
            if (!(spec.get(list) instanceof SeqNode containers)) {
                continue;
            }
            String lp = ptr + "/" + list;
            for (int i = 0; i < containers.size(); i++) {
                if (!(containers.get(i) instanceof MapNode c)) {
                    continue;
                }
                String cp = JsonPointer.child(lp, i);
                String name = c.string("name");
                if (name != null) {
                    Node first = containerNames.putIfAbsent(name, c.get("name"));
                    if (first != null) {
                        out.accept(Finding.at(ID, Severity.ERROR, o, cp + "/name", "duplicate container name \""
                                + name + "\" (first at line " + first.pos().line() + ")"));
                    }
                }
                quantities(o, cp + "/resources/limits", out);
                quantities(o, cp + "/resources/requests", out);
                if (c.get("env") instanceof SeqNode env) {
                    unique(o, env, cp + "/env", "env variable", "name", e -> e.string("name"), out);
                }
                if (c.get("volumeMounts") instanceof SeqNode mounts) {
                    unique(o, mounts, cp + "/volumeMounts", "mountPath", "mountPath", m -> m.string("mountPath"), out);
                }
                if (c.get("ports") instanceof SeqNode ports) {
                    unique(o, ports, cp + "/ports", "container port", "containerPort", p -> portKey(p, "containerPort"), out);
                }
            }
        }
        if (spec.get("volumes") instanceof SeqNode volumes) {
            unique(o, volumes, ptr + "/volumes", "volume name", "name", v -> v.string("name"), out);
            for (int i = 0; i < volumes.size(); i++) {
                Node limit = volumes.get(i).at("/emptyDir/sizeLimit");
                if (limit != null) {
                    quantity(o, JsonPointer.child(ptr + "/volumes", i) + "/emptyDir/sizeLimit", limit, out);
                }
            }
        }
    }

    /** "8080/TCP": ports are keyed by number and protocol (TCP when unset). */
    private static String portKey(MapNode p, String field) {
        Node n = p.get(field);
        if (!(n instanceof ScalarNode s) || s.isNull()) {
            return null;
        }
        String protocol = p.string("protocol");
        return s.raw() + "/" + (protocol == null ? "TCP" : protocol);
    }

    /** Reports items whose key repeats an earlier item's, at the item's {@code field}. */
    private static void unique(KubeObject o, SeqNode list, String ptr, String what, String field,
            Function<MapNode, String> key, Consumer<Finding> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof MapNode m)) {
                continue;
            }
            String k = key.apply(m);
            if (k == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(k, i);
            if (first != null) {
                out.accept(Finding.at(ID, Severity.ERROR, o, JsonPointer.child(ptr, i) + "/" + field, "duplicate " + what + " \"" + k
                        + "\" in " + JsonPointer.toDotted(ptr) + " (first at line " + list.get(first).pos().line() + ")"));
            }
        }
    }

    private static void quantities(KubeObject o, String ptr, Consumer<Finding> out) {
        if (o.at(ptr) instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                quantity(o, JsonPointer.child(ptr, e.key()), e.value(), out);
            }
        }
    }

    private static void quantity(KubeObject o, String ptr, Node value, Consumer<Finding> out) {
        if (!(value instanceof ScalarNode s) || s.isNull() || s.value() instanceof Boolean) {
            return; // wrong types are the structural check's to report
        }
        Optional<BigDecimal> q = Quantity.of(s);
        String where = JsonPointer.toDotted(ptr);
        if (q.isEmpty()) {
            out.accept(Finding.at(ID, Severity.ERROR, o, ptr, where + ": " + s.display()
                    + " is not a valid quantity (examples: 128Mi, 1Gi, 500m, 0.5, 2)"));
        } else if (q.get().signum() < 0) {
            out.accept(Finding.at(ID, Severity.ERROR, o, ptr, where + ": must not be negative, got " + s.raw()));
        }
    }

    private static String lastStep(String pointer) {
        var steps = JsonPointer.split(pointer);
        return steps.isEmpty() ? "" : steps.get(steps.size() - 1);
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
