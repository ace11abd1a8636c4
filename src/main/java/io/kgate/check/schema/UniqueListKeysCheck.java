package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The part of {@code schema} about lists that Kubernetes keys by name or port, where the API server
 * refuses a key written twice: container names (across init containers and containers), env
 * variables, mount paths, container ports, volume names, and a Service's port names and ports.
 */
public final class UniqueListKeysCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        String template = PodTemplate.templatePointer(o.kind());
        if (template != null && o.at(template + "/spec") instanceof MapNode spec) {
            podSpec(ctx, o, spec, template + "/spec", out);
        }
        if ("Service".equals(o.kind()) && o.at("/spec/ports") instanceof SeqNode ports) {
            unique(ctx, o, ports, "/spec/ports", "port name", "name", p -> p.string("name"), out);
            unique(ctx, o, ports, "/spec/ports", "port", "port", p -> portKey(p, "port"), out);
        }
    }

    private static void podSpec(CheckContext ctx, KubeObject o, MapNode spec, String ptr, Consumer<Finding> out) {
        // container names are unique across containers and init containers
        Map<String, Node> containerNames = new HashMap<>();
        for (String list : new String[] {"initContainers", "containers"}) {
            if (!(spec.get(list) instanceof SeqNode containers)) {
                continue;
            }
            for (int i = 0; i < containers.size(); i++) {
                if (!(containers.get(i) instanceof MapNode c)) {
                    continue;
                }
                String cp = JsonPointer.child(ptr + "/" + list, i);
                String name = c.string("name");
                if (name != null) {
                    Node first = containerNames.putIfAbsent(name, c.get("name"));
                    if (first != null) {
                        out.accept(ctx.finding(ID, o, cp + "/name", "duplicate container name \"" + name
                                + "\" (first at line " + first.pos().line() + ")"));
                    }
                }
                if (c.get("env") instanceof SeqNode env) {
                    unique(ctx, o, env, cp + "/env", "env variable", "name", e -> e.string("name"), out);
                }
                if (c.get("volumeMounts") instanceof SeqNode mounts) {
                    unique(ctx, o, mounts, cp + "/volumeMounts", "mountPath", "mountPath", m -> m.string("mountPath"),
                            out);
                }
                if (c.get("ports") instanceof SeqNode ports) {
                    unique(ctx, o, ports, cp + "/ports", "container port", "containerPort",
                            p -> portKey(p, "containerPort"), out);
                }
            }
        }
        if (spec.get("volumes") instanceof SeqNode volumes) {
            unique(ctx, o, volumes, ptr + "/volumes", "volume name", "name", v -> v.string("name"), out);
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
    private static void unique(CheckContext ctx, KubeObject o, SeqNode list, String ptr, String what, String field,
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
                out.accept(ctx.finding(ID, o, JsonPointer.child(ptr, i) + "/" + field, "duplicate " + what + " \"" + k
                        + "\" in " + JsonPointer.toDotted(ptr) + " (first at line " + list.get(first).pos().line() + ")"));
            }
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
