package io.kgate.model;

/** Maps JSON pointers to source positions by walking the positioned tree. */
public final class Positions {
    private Positions() {
    }

    /**
     * The position of the key that holds {@code pointer} (for array items: the item), or of the
     * deepest existing ancestor when the pointer leads nowhere.
     */
    public static Pos of(Node root, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return root.pos();
        }
        // walked in place, like Node.at: every finding asks this
        Node cur = root;
        MapNode bestMap = null;
        int bestKey = -1;
        Node bestItem = root;
        int start = 1;
        while (true) {
            int slash = pointer.indexOf('/', start);
            int end = slash < 0 ? pointer.length() : slash;
            if (cur instanceof MapNode m) {
                int tilde = pointer.indexOf('~', start);
                int i = tilde < 0 || tilde >= end ? m.indexOf(pointer, start, end)
                        : m.indexOf(JsonPointer.unescape(pointer.substring(start, end)));
                if (i < 0) {
                    break;
                }
                bestMap = m;
                bestKey = i;
                cur = m.valueAt(i);
            } else if (cur instanceof SeqNode s) {
                int i = JsonPointer.index(pointer.substring(start, end));
                if (i < 0 || i >= s.size()) {
                    break;
                }
                cur = s.get(i);
                bestMap = null;
                bestItem = cur;
            } else {
                break;
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return bestMap != null ? bestMap.keyPosAt(bestKey) : bestItem.pos();
    }

    /** The position of the value at {@code pointer} itself, falling back like {@link #of}. */
    public static Pos ofValue(Node root, String pointer) {
        Node n = root.at(pointer);
        return n != null ? n.pos() : of(root, pointer);
    }
}
