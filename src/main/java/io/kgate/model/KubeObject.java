package io.kgate.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    /**
     * A {@link MapNode}, or the array holding the tree as bytes ({@link PackedTree}) from {@link #start}
     * with {@link #keys} and {@link #values}: held here, not as a {@link PackedTree} and an {@link
     * ObjectRef} beside this object (a large tree keeps 100,000 objects for the whole tree pass, and
     * three objects each were 15 MB of headers and references).
     */
    private final Object tree;
    private final int start;
    private final PackedTree.Keys keys;
    private final PackedTree.Values values;
    private final String apiVersion;
    private final String kind;
    private final String namespace;
    private final String name;
    private final List<DuplicateKey> duplicateKeys;

    private KubeObject(SourceFile file, int documentIndex, int listIndex, Object tree, int start, PackedTree.Keys keys,
            PackedTree.Values values, String apiVersion, String kind, String namespace, String name,
            List<DuplicateKey> duplicateKeys) {
        this.file = file;
        this.documentIndex = documentIndex;
        this.listIndex = listIndex;
        this.tree = tree;
        this.start = start;
        this.keys = keys;
        this.values = values;
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.duplicateKeys = duplicateKeys;
    }

    /** The same place and identity over another tree (nodes, or bytes at {@code start}). */
    private KubeObject with(Object tree, int start, PackedTree.Keys keys, PackedTree.Values values,
            List<DuplicateKey> duplicateKeys) {
        return new KubeObject(file, documentIndex, listIndex, tree, start, keys, values, apiVersion, kind, namespace,
                name, duplicateKeys);
    }

    public static KubeObject of(SourceFile file, int documentIndex, int listIndex, MapNode root,
            List<DuplicateKey> duplicateKeys) {
        MapNode meta = root.map("metadata");
        String name = meta == null ? null : meta.string("name");
        if ((name == null || name.isEmpty()) && meta != null && meta.string("generateName") != null) {
            name = meta.string("generateName");
        }
        String namespace = meta == null ? null : meta.string("namespace");
        return new KubeObject(file, documentIndex, listIndex, root, 0, null, null, root.string("apiVersion"),
                root.string("kind"), emptyToNull(namespace), name, List.copyOf(duplicateKeys));
    }

    /**
     * The same object over another tree ({@link RetainedFields#retain}): identity and positions
     * stay, duplicate keys (reported in the file pass) are dropped.
     */
    public KubeObject withRoot(MapNode lighter) {
        return with(lighter, 0, null, null, List.of());
    }

    /** The same object over its tree as bytes ({@link RetainedFields#retain}); duplicate keys dropped. */
    public KubeObject withPacked(PackedTree packed) {
        return with(packed.bytes(), packed.start(), packed.keys(), packed.values(), List.of());
    }

    /** The same tree under another identity (a namespace a unit gives it). */
    public KubeObject withRef(ObjectRef other) {
        return new KubeObject(file, documentIndex, listIndex, tree, start, keys, values, other.apiVersion(),
                other.kind(), other.namespace(), other.name(), duplicateKeys);
    }

    /** The same tree, read from another file name. */
    public KubeObject withFile(SourceFile other) {
        return new KubeObject(other, documentIndex, listIndex, tree, start, keys, values, apiVersion, kind, namespace,
                name, duplicateKeys);
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

    /** How findings name this object (made on each call from the fields held here). */
    public ObjectRef ref() {
        return new ObjectRef(apiVersion, kind, namespace, name);
    }

    public List<DuplicateKey> duplicateKeys() {
        return duplicateKeys;
    }

    /** True when the tree is held as bytes (only the retained fields, see {@link RetainedFields}). */
    public boolean packed() {
        return tree instanceof byte[];
    }

    /** The packed tree (a view over the fields held here); only when {@link #packed()}. */
    private PackedTree packedTree() {
        return PackedTree.view((byte[]) tree, start, keys, values);
    }

    /** The object's tree (for a packed one: decoded, or this thread's recent decoding of it). */
    public MapNode root() {
        if (tree instanceof MapNode m) {
            return m;
        }
        return Recent.CACHE.get().root(this);
    }

    /** This thread's decoding of a packed tree when it is still recent, else null. */
    private MapNode recent() {
        return tree instanceof MapNode m ? m : Recent.CACHE.get().peek(this);
    }

    /** Where the object starts. */
    public Pos pos() {
        MapNode m = recent();
        return m != null ? m.pos() : packedTree().pos();
    }

    /**
     * Each thread's last decoded trees, and last nodes read by pointer, in slots by where the packed
     * tree's bytes are (its array's identity and start; objects made over the same tree share them)
     * and the pointer: bounded, no eviction cost. A rule reads a workload's pod spec, then again for
     * its containers: the second read finds the first.
     */
    private static final class Recent {
        private static final int SLOTS = 64;
        private static final Node ABSENT = new ScalarNode(Pos.START, null, "", false);
        static final ThreadLocal<Recent> CACHE = ThreadLocal.withInitial(Recent::new);
        private final Object[] packed = new Object[SLOTS];
        private final int[] packedStart = new int[SLOTS];
        private final MapNode[] decoded = new MapNode[SLOTS];
        private final Object[] partOf = new Object[SLOTS];
        private final int[] partStart = new int[SLOTS];
        private final String[] partPointer = new String[SLOTS];
        private final Node[] part = new Node[SLOTS];

        private static int slot(KubeObject o) {
            return System.identityHashCode(o.tree) * 31 + o.start;
        }

        Node at(KubeObject o, String pointer) {
            int slot = (slot(o) * 31 + pointer.hashCode()) & (SLOTS - 1);
            if (partOf[slot] == o.tree && partStart[slot] == o.start && pointer.equals(partPointer[slot])) {
                Node n = part[slot];
                return n == ABSENT ? null : n;
            }
            Node n = o.packedTree().at(pointer);
            partOf[slot] = o.tree;
            partStart[slot] = o.start;
            partPointer[slot] = pointer;
            part[slot] = n == null ? ABSENT : n;
            return n;
        }

        MapNode peek(KubeObject o) {
            int slot = slot(o) & (SLOTS - 1);
            return packed[slot] == o.tree && packedStart[slot] == o.start ? decoded[slot] : null;
        }

        MapNode root(KubeObject o) {
            int slot = slot(o) & (SLOTS - 1);
            if (packed[slot] == o.tree && packedStart[slot] == o.start) {
                return decoded[slot];
            }
            MapNode m = o.packedTree().decode();
            packed[slot] = o.tree;
            packedStart[slot] = o.start;
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
        return o instanceof KubeObject k && tree == k.tree && start == k.start && documentIndex == k.documentIndex
                && listIndex == k.listIndex && file.equals(k.file) && Objects.equals(name, k.name)
                && Objects.equals(namespace, k.namespace) && Objects.equals(kind, k.kind)
                && Objects.equals(apiVersion, k.apiVersion) && duplicateKeys.equals(k.duplicateKeys);
    }

    @Override
    public int hashCode() {
        return (System.identityHashCode(tree) * 31 + start) * 31 + documentIndex;
    }

    @Override
    public String toString() {
        return "KubeObject[" + file.displayName() + " #" + documentIndex + (listIndex >= 0 ? "." + listIndex : "") + " "
                + ref() + "]";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String name() {
        return name;
    }

    /** The object's namespace as written (null when unset; no defaulting). */
    public String namespace() {
        return namespace;
    }

    /** The node at {@code pointer}; of a packed tree not recently decoded, only that node is decoded. */
    public Node at(String pointer) {
        MapNode m = recent();
        if (m != null || pointer == null || pointer.isEmpty()) {
            return (m != null ? m : root()).at(pointer);
        }
        return Recent.CACHE.get().at(this, pointer);
    }

    /** Whether the node at {@code pointer} is a mapping; of a packed tree, decoding nothing. */
    public boolean isMapAt(String pointer) {
        MapNode m = recent();
        return m != null || !packed() ? at(pointer) instanceof MapNode : packedTree().isMap(pointer);
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
        return m != null ? Positions.of(m, pointer) : packedTree().positionOf(pointer);
    }
}
