package io.kgate.model;

import java.util.List;
import java.util.Map;

/**
 * One Kubernetes object found in the tree: a YAML document, or an item of a {@code kind: List}.
 * Positions come from the parsed tree, so any JSON pointer into {@link #root()} can be located.
 */
public record KubeObject(SourceFile file, int documentIndex, int listIndex, MapNode root, ObjectRef ref,
        List<DuplicateKey> duplicateKeys) {

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

    /**
     * What the record would compare (a mapping is equal only to itself), written out: the generated
     * methods run through method handles in the native image, and hashing the file hashed every line
     * of it for each object placed in a unit.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof KubeObject k && root == k.root && documentIndex == k.documentIndex
                && listIndex == k.listIndex && file.equals(k.file) && ref.equals(k.ref)
                && duplicateKeys.equals(k.duplicateKeys);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(root) * 31 + documentIndex;
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

    public Node at(String pointer) {
        return root.at(pointer);
    }

    public MapNode metadata() {
        return root.map("metadata");
    }

    public Map<String, String> labels() {
        return Labels.of(metadata(), "labels");
    }

    public Map<String, String> annotations() {
        return Labels.of(metadata(), "annotations");
    }

    /**
     * Where a finding about {@code pointer} belongs: the key of that field when it exists, otherwise
     * the key of its nearest existing ancestor (so a missing field points at its parent).
     */
    public Pos positionOf(String pointer) {
        return Positions.of(root, pointer);
    }
}
