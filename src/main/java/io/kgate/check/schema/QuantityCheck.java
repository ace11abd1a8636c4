package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import io.kgate.model.Quantity;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The part of {@code schema} about resource quantities, which the OpenAPI definitions type as
 * int-or-string: the requests and limits of containers and of PersistentVolumeClaims and the size
 * limit of emptyDir volumes must parse as quantities ("128Mi", "500m") and must not be negative.
 */
public final class QuantityCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;

    /** A container's resource lists and a claim's, each in the order its findings were always made. */
    private static final String[] CONTAINER_LISTS = {"limits", "requests"};
    private static final String[] CLAIM_LISTS = {"requests", "limits"};
    private static final String[] CONTAINER_KEYS = {"initContainers", "containers"};

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        String template = PodTemplate.templatePointer(o.kind());
        if (template != null && o.at(template + "/spec") instanceof MapNode spec) {
            podSpec(ctx, o, spec, template + "/spec", out);
        }
        if ("PersistentVolumeClaim".equals(o.kind()) && o.at("/spec/resources") instanceof MapNode resources) {
            resources(ctx, o, resources, CLAIM_LISTS, () -> "/spec/resources", out);
        }
    }

    // the nodes are walked, not read by pointer: every container of every object passes here, and the
    // pointers are made only for a finding
    private static void podSpec(CheckContext ctx, KubeObject o, MapNode spec, String ptr, Consumer<Finding> out) {
        for (String list : CONTAINER_KEYS) {
            if (spec.get(list) instanceof SeqNode containers) {
                for (int i = 0; i < containers.size(); i++) {
                    if (containers.get(i) instanceof MapNode c && c.get("resources") instanceof MapNode resources) {
                        int at = i;
                        resources(ctx, o, resources, CONTAINER_LISTS,
                                () -> JsonPointer.child(ptr + "/" + list, at) + "/resources", out);
                    }
                }
            }
        }
        if (spec.get("volumes") instanceof SeqNode volumes) {
            for (int i = 0; i < volumes.size(); i++) {
                Node limit = volumes.get(i).at("/emptyDir/sizeLimit");
                if (limit != null) {
                    int at = i;
                    quantity(ctx, o, () -> JsonPointer.child(ptr + "/volumes", at) + "/emptyDir/sizeLimit", limit, out);
                }
            }
        }
    }

    private static void resources(CheckContext ctx, KubeObject o, MapNode resources, String[] lists,
            Supplier<String> ptr, Consumer<Finding> out) {
        for (String list : lists) {
            if (resources.get(list) instanceof MapNode m) {
                for (int i = 0; i < m.size(); i++) {
                    String key = m.keyAt(i);
                    quantity(ctx, o, () -> JsonPointer.child(ptr.get() + "/" + list, key), m.valueAt(i), out);
                }
            }
        }
    }

    private static void quantity(CheckContext ctx, KubeObject o, Supplier<String> pointer, Node value,
            Consumer<Finding> out) {
        if (!(value instanceof ScalarNode s) || s.isNull() || s.value() instanceof Boolean) {
            return; // wrong types are the structural check's to report
        }
        Optional<BigDecimal> q = Quantity.of(s);
        if (q.isEmpty()) {
            String ptr = pointer.get();
            out.accept(ctx.finding(ID, o, ptr, JsonPointer.toDotted(ptr) + ": " + s.display()
                    + " is not a valid quantity (examples: 128Mi, 1Gi, 500m, 0.5, 2)"));
        } else if (q.get().signum() < 0) {
            String ptr = pointer.get();
            out.accept(ctx.finding(ID, o, ptr, JsonPointer.toDotted(ptr) + ": must not be negative, got " + s.raw()));
        }
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
