package io.kgate.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tree pass keeps of each object once the per-object checks have run: identity, labels,
 * the suppression annotation, and the fields cross-object rules declare they read (selectors, ports,
 * references, resource figures, replicas), with their positions. Everything else of the parsed tree
 * is dropped, so a large tree costs memory per object only for what is linked across objects.
 *
 * <p>Fields are JSON pointers, optionally for one kind ({@code "Service:/spec"}); a step {@code *}
 * matches every array item or key; a pointer ending in {@code /} keeps only the shape of that node
 * (a mapping stays an empty mapping, a scalar stays itself), so code that asks "is there a mapping
 * here" answers as on the whole tree. A kept field keeps its whole subtree. Array items that no field
 * reaches stay in place as null placeholders at their own position, so indexes and positions of
 * the kept items do not change.
 */
public final class RetainedFields {
    /** What every object keeps: its identity, labels and the suppression annotation. */
    public static final List<String> IDENTITY = List.of("/apiVersion", "/kind", "/metadata/name",
            "/metadata/namespace", "/metadata/generateName", "/metadata/labels",
            "/metadata/annotations/kgate.io~1ignore");

    /** One level of the field tree: fields below it, or the whole subtree. */
    private static final class Step implements PackedTree.Selection {
        boolean whole;
        final Map<String, Step> children = new HashMap<>();

        @Override
        public boolean whole() {
            return whole;
        }

        Step child(String name) {
            return children.computeIfAbsent(name, k -> new Step());
        }

        /** The steps for a key or index: the exact ones and the wildcard ones, merged. */
        @Override
        public Step next(String key) {
            Step exact = children.get(key);
            Step any = children.get("*");
            if (exact == null || any == null) {
                return exact != null ? exact : any;
            }
            Step merged = new Step();
            merged.merge(exact);
            merged.merge(any);
            return merged;
        }

        void merge(Step other) {
            whole |= other.whole;
            other.children.forEach((k, v) -> child(k).merge(v));
        }
    }

    private final Step everyKind = new Step();
    private final Map<String, Step> byKind = new HashMap<>();
    private final Map<String, Step> mergedByKind = new java.util.concurrent.ConcurrentHashMap<>();
    /** The keys of the trees this retains, numbered once for all of them. */
    private final PackedTree.Keys keys = new PackedTree.Keys();

    private RetainedFields(List<String> fields) {
        for (String f : fields) {
            int colon = f.indexOf(':');
            Step root = colon > 0 && f.charAt(0) != '/' ? byKind.computeIfAbsent(f.substring(0, colon), k -> new Step())
                    : everyKind;
            String pointer = colon > 0 && f.charAt(0) != '/' ? f.substring(colon + 1) : f;
            boolean shapeOnly = pointer.endsWith("/");
            List<String> steps = JsonPointer.split(shapeOnly ? pointer.substring(0, pointer.length() - 1) : pointer);
            Step s = root;
            for (String step : steps) {
                s = s.child(step);
            }
            if (!shapeOnly) {
                s.whole = true;
            }
        }
    }

    /** The identity fields plus {@code fields}. */
    public static RetainedFields of(List<String> fields) {
        List<String> all = new ArrayList<>(IDENTITY);
        all.addAll(fields);
        return new RetainedFields(all);
    }

    /**
     * {@code o} with only the retained fields of its tree, held as bytes ({@link PackedTree});
     * positions, identity and file unchanged.
     */
    public KubeObject retain(KubeObject o) {
        Step root = stepsOf(o);
        PackedTree packed = PackedTree.of(o.root(), keys, root); // the kept fields written, not built first
        return packed != null ? o.withPacked(packed) : o.withRoot(pruned(o));
    }

    /** The retained fields of {@code o} as nodes: what {@link #retain} keeps when it cannot pack them. */
    MapNode pruned(KubeObject o) {
        return (MapNode) prune(o.root(), stepsOf(o));
    }

    private Step stepsOf(KubeObject o) {
        return mergedByKind.computeIfAbsent(o.kind() == null ? "" : o.kind(), kind -> {
            Step m = new Step();
            m.merge(everyKind);
            Step own = byKind.get(kind);
            if (own != null) {
                m.merge(own);
            }
            return m;
        });
    }

    private static Node prune(Node n, Step s) {
        if (s.whole) {
            return n;
        }
        if (n instanceof MapNode m) {
            List<MapNode.Entry> kept = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) {
                Step next = s.next(m.keyAt(i));
                if (next != null) {
                    kept.add(new MapNode.Entry(m.keyAt(i), m.keyPosAt(i), prune(m.valueAt(i), next)));
                }
            }
            return new MapNode(m.pos(), kept, 1);
        }
        if (n instanceof SeqNode q) {
            List<Node> items = new ArrayList<>(q.size());
            for (int i = 0; i < q.size(); i++) {
                Node item = q.get(i);
                Step next = s.next(String.valueOf(i));
                items.add(next != null ? prune(item, next) : new ScalarNode(item.pos(), null, "", false));
            }
            return new SeqNode(q.pos(), items, 1);
        }
        return n;
    }
}
