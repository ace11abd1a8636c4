package io.kgate.model;

/**
 * A parsed YAML/JSON value that remembers where it was written. The tree is immutable once built;
 * a node reached through a YAML alias is shared, so every consumer must treat it as read-only.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
    /** Where the value starts (for a mapping or sequence: its first token). */
    Pos pos();

    /** Number of nodes in this subtree, counting aliased subtrees once per use. */
    long weight();

    /** JSON type name as schemas and messages use it: object, array, string, integer, number, boolean, null. */
    String typeName();

    default MapNode asMap() {
        return this instanceof MapNode m ? m : null;
    }

    default SeqNode asSeq() {
        return this instanceof SeqNode s ? s : null;
    }

    default ScalarNode asScalar() {
        return this instanceof ScalarNode s ? s : null;
    }

    /** The text of a string scalar, or null for anything else. */
    default String text() {
        return this instanceof ScalarNode s && s.value() instanceof String str ? str : null;
    }

    /**
     * Follows a JSON pointer (RFC 6901) from this node; null when some step does not exist. Rules ask
     * this for every object, so it walks the pointer in place instead of splitting it.
     */
    default Node at(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return this;
        }
        Node cur = this;
        int start = 1;
        while (true) {
            int slash = pointer.indexOf('/', start);
            int end = slash < 0 ? pointer.length() : slash;
            if (cur instanceof MapNode m) {
                int tilde = pointer.indexOf('~', start);
                cur = tilde < 0 || tilde >= end ? m.get(pointer, start, end)
                        : m.get(JsonPointer.unescape(pointer.substring(start, end)));
            } else if (cur instanceof SeqNode s) {
                int i = JsonPointer.index(pointer.substring(start, end));
                cur = i >= 0 && i < s.size() ? s.get(i) : null;
            } else {
                cur = null;
            }
            if (cur == null || slash < 0) {
                return cur;
            }
            start = slash + 1;
        }
    }
}
