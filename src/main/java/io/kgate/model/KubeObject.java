package io.kgate.model;

import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object found in the tree: a YAML document, or an item of a {@code kind: List}.
 * Positions come from the parsed tree, so any JSON pointer into {@link #root()} can be located.
 *
 * <p>The tree is held as nodes, or, once only its retained fields are kept for the tree pass, as a
 * {@link PackedTree} decoded on demand: each thread keeps its last decoded trees, so a rule that
 * reads one object many times decodes it once.
 */
public final class KubeObject {
    private final SourceFile file;
    private final int documentIndex;
    private final int listIndex;
    /** A {@link MapNode} or a {@link PackedTree}. */
    private final Object tree;
    private final ObjectRef ref;
    private final List<DuplicateKey> duplicateKeys;

    public KubeObject(SourceFile file, int documentIndex, int listIndex, MapNode root, ObjectRef ref,
            List<DuplicateKey> duplicateKeys) {
        this(file, documentIndex, listIndex, (Object) root, ref, duplicateKeys);
    }

    private KubeObject(SourceFile file, int documentIndex, int listIndex, Object tree, ObjectRef ref,
            List<DuplicateKey> duplicateKeys) {
        this.file = file;
        this.documentIndex = documentIndex;
        this.listIndex = listIndex;
        this.tree = tree;
        this.ref = ref;
        this.duplicateKeys = duplicateKeys;
    }

    public static KubeObject of(SourceFile file, int documentIndex, int listIndex, MapNode root,
            List<DuplicateKey> duplicateKeys) {
        MapNode meta = root.map("metadata");
        String name = meta == null ? null : meta.string("name");
        if ((name == null || name.isEmpty()) && meta != null && meta.string("generateName") != null) {
            name = meta.string("generateName");
        }
        String namespace = meta == null ? null : meta.string("namespace");
        return new KubeObject(file, documentIndex, listIndex, root,
                new ObjectRef(root.string("apiVersion"), root.string("kind"), emptyToNull(namespace), name),
                List.copyOf(duplicateKeys));
    }

    /**
     * The same object over another tree ({@link RetainedFields#retain}): identity and positions
     * stay, duplicate keys (reported in the file pass) are dropped.
     */
    public KubeObject withRoot(MapNode lighter) {
        return new KubeObject(file, documentIndex, listIndex, lighter, ref, List.of());
    }

    /** The same object over its tree as bytes ({@link RetainedFields#retain}); duplicate keys dropped. */
    public KubeObject withPacked(PackedTree packed) {
        return new KubeObject(file, documentIndex, listIndex, packed, ref, List.of());
    }

    /** The same tree under another identity (a namespace a unit gives it). */
    public KubeObject withRef(ObjectRef other) {
        return new KubeObject(file, documentIndex, listIndex, tree, other, duplicateKeys);
    }

    /** The same tree, read from another file name. */
    public KubeObject withFile(SourceFile other) {
        return new KubeObject(other, documentIndex, listIndex, tree, ref, duplicateKeys);
    }

    public SourceFile file() {
        return file;
    }

    public int documentIndex() {
        return documentIndex;
    }

    public int listIndex() {
        return listIndex;
    }

    public ObjectRef ref() {
        return ref;
    }

    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** True when the tree is held as bytes (only the retained fields, see {@link RetainedFields}). */
    public boolean packed() {
        return tree instanceof PackedTree;
    }

    /** The object's tree (for a packed one: decoded, or this thread's recent decoding of it). */
    public MapNode root() {
        if (tree instanceof MapNode m) {
            return m;
        }
        return Recent.CACHE.get().root((PackedTree) tree);
    }

    /** This thread's decoding of a packed tree when it is still recent, else null. */
    private MapNode recent() {
        return tree instanceof MapNode m ? m : Recent.CACHE.get().peek((PackedTree) tree);
    }

    /** Where the object starts. */
    public Pos pos() {
        MapNode m = recent();
        return m != null ? m.pos() : ((PackedTree) tree).pos();
    }

    /**
     * Each thread's last decoded trees, and last nodes read by pointer, in slots by the packed tree's
     * identity (and the pointer): bounded, no eviction cost. A rule reads a workload's pod spec, then
     * again for its containers: the second read finds the first.
     */
    private static final class Recent {
        private static final int SLOTS = 512;
        private static final Node ABSENT = new ScalarNode(Pos.START, null, "", false);
        static final ThreadLocal<Recent> CACHE = ThreadLocal.withInitial(Recent::new);
        private final PackedTree[] packed = new PackedTree[SLOTS];
        private final MapNode[] decoded = new MapNode[SLOTS];
        private final PackedTree[] partOf = new PackedTree[SLOTS];
        private final String[] partPointer = new String[SLOTS];
        private final Node[] part = new Node[SLOTS];

        Node at(PackedTree p, String pointer) {
            int slot = (System.identityHashCode(p) * 31 + pointer.hashCode()) & (SLOTS - 1);
            if (partOf[slot] == p && pointer.equals(partPointer[slot])) {
                Node n = part[slot];
                return n == ABSENT ? null : n;
            }
            Node n = p.at(pointer);
            partOf[slot] = p;
            partPointer[slot] = pointer;
            part[slot] = n == null ? ABSENT : n;
            return n;
        }

        MapNode peek(PackedTree p) {
            int slot = System.identityHashCode(p) & (SLOTS - 1);
            return packed[slot] == p ? decoded[slot] : null;
        }

        MapNode root(PackedTree p) {
            int slot = System.identityHashCode(p) & (SLOTS - 1);
            if (packed[slot] == p) {
                return decoded[slot];
            }
            MapNode m = p.decode();
            packed[slot] = p;
            decoded[slot] = m;
            return m;
        }
    }

    /**
     * Equal objects: the same tree (a mapping is equal only to itself), place and identity. Not by
     * the file's contents: hashing the file hashed every line of it for each object placed in a unit.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof KubeObject k && tree == k.tree && documentIndex == k.documentIndex
                && listIndex == k.listIndex && file.equals(k.file) && ref.equals(k.ref)
                && duplicateKeys.equals(k.duplicateKeys);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(tree) * 31 + documentIndex;
    }

    @Override
    public String toString() {
        return "KubeObject[" + file.displayName() + " #" + documentIndex + (listIndex >= 0 ? "." + listIndex : "") + " "
                + ref + "]";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String kind() {
        return ref.kind();
    }

    public String apiVersion() {
        return ref.apiVersion();
    }

    public String name() {
        return ref.name();
    }

    /** The object's namespace as written (null when unset; no defaulting). */
    public String namespace() {
        return ref.namespace();
    }

    /** The node at {@code pointer}; of a packed tree not recently decoded, only that node is decoded. */
    public Node at(String pointer) {
        MapNode m = recent();
        if (m != null || pointer == null || pointer.isEmpty()) {
            return (m != null ? m : root()).at(pointer);
        }
        return Recent.CACHE.get().at((PackedTree) tree, pointer);
    }

    /** Whether the node at {@code pointer} is a mapping; of a packed tree, decoding nothing. */
    public boolean isMapAt(String pointer) {
        MapNode m = recent();
        return m != null || !(tree instanceof PackedTree p) ? at(pointer) instanceof MapNode : p.isMap(pointer);
    }

    public MapNode metadata() {
        Node m = at("/metadata");
        return m == null ? null : m.asMap();
    }

    public Map<String, String> labels() {
        return Labels.of(at("/metadata/labels")); // of a packed tree, the labels alone are decoded
    }

    public Map<String, String> annotations() {
        return Labels.of(at("/metadata/annotations"));
    }

    /**
     * Where a finding about {@code pointer} belongs: the key of that field when it exists, otherwise
     * the key of its nearest existing ancestor (so a missing field points at its parent).
     */
    public Pos positionOf(String pointer) {
        MapNode m = recent();
        return m != null ? Positions.of(m, pointer) : ((PackedTree) tree).positionOf(pointer);
    }
}
