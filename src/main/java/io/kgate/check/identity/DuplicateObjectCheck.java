package io.kgate.check.identity;

import io.kgate.check.Check;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.unit.Unit;
import java.util.Arrays;
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

    /**
     * Within one deployment unit: what is applied together. Identities are hashed first, into one
     * array; only objects whose hash another shares are compared by key. A map of a key string per
     * object lived through the whole task (100,000 of them on a large tree): each collection in that
     * time copied it, and it died in the old generation.
     */
    private static void run(CheckContext ctx, List<KubeObject> objects, Consumer<Finding> out) {
        long[] hashes = new long[objects.size()];
        long[] sorted = new long[objects.size()];
        int named = 0;
        for (int i = 0; i < hashes.length; i++) {
            KubeObject o = objects.get(i);
            if (identified(o)) {
                hashes[i] = hash(o);
                sorted[named++] = hashes[i];
            }
        }
        sorted = Arrays.copyOf(sorted, named);
        Arrays.sort(sorted);
        Map<String, KubeObject> first = new HashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            KubeObject o = objects.get(i);
            if (!identified(o) || !shared(sorted, hashes[i]) || isGenerated(o)) {
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

    private static boolean identified(KubeObject o) {
        return o.kind() != null && o.apiVersion() != null && o.name() != null;
    }

    /** Of the parts of the key, without making it: equal keys, equal hashes. */
    private static long hash(KubeObject o) {
        long h = o.ref().group().hashCode();
        h = h * 0x9E3779B97F4A7C15L + o.kind().hashCode();
        h = h * 0x9E3779B97F4A7C15L + (o.namespace() == null ? "" : o.namespace()).hashCode();
        return h * 0x9E3779B97F4A7C15L + o.name().hashCode();
    }

    /** Whether {@code hash} is in {@code sorted} at least twice. */
    private static boolean shared(long[] sorted, long hash) {
        int at = Arrays.binarySearch(sorted, hash);
        return at >= 0 && (at > 0 && sorted[at - 1] == hash || at + 1 < sorted.length && sorted[at + 1] == hash);
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
