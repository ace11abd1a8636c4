package io.kgate.check.identity;

import io.kgate.check.Check;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.unit.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code duplicate-object}: the same API group, kind, namespace and name defined twice in one
 * deployment unit; reported on the second definition, naming the first.
 */
public final class DuplicateObjectCheck implements Check {
    public static final String ID = "duplicate-object";

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        for (Unit u : ctx.units()) {
            run(ctx, u.objects(), out);
        }
    }

    /** Within one deployment unit: what is applied together. */
    private static void run(CheckContext ctx, List<KubeObject> objects, Consumer<Finding> out) {
        Map<String, KubeObject> first = new HashMap<>();
        for (KubeObject o : objects) {
            if (o.kind() == null || o.apiVersion() == null || o.name() == null || isGenerated(o)) {
                continue;
            }
            String key = o.ref().group() + "\u0000" + o.kind() + "\u0000"
                    + (o.namespace() == null ? "" : o.namespace()) + "\u0000" + o.name();
            KubeObject earlier = first.putIfAbsent(key, o);
            if (earlier != null) {
                out.accept(ctx.finding(ID, o, "/metadata/name", o.ref().display()
                        + " is already defined at " + earlier.file().displayName() + ":"
                        + earlier.positionOf("/metadata/name").line()));
            }
        }
    }

    /** Identity and the position of metadata.name are all it reads. */
    @Override
    public List<String> retainedFields() {
        return List.of();
    }

    /** Objects with only generateName get a fresh name from the server each time. */
    private static boolean isGenerated(KubeObject o) {
        // by pointer: of a packed tree only the name is decoded, the whole metadata only when it has none
        Node name = o.at("/metadata/name");
        return name != null ? name.text() == null : o.at("/metadata") instanceof MapNode;
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
