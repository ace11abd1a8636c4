package io.kgate.model;

import java.util.List;

/** Maps JSON pointers to source positions by walking the positioned tree. */
public final class Positions {
    private Positions() {
    }

    /**
     * The position of the key that holds {@code pointer} (for array items: the item), or of the
     * deepest existing ancestor when the pointer leads nowhere.
     */
    public static Pos of(Node root, String pointer) {
        Node cur = root;
        Pos best = root.pos();
        List<String> steps = JsonPointer.split(pointer);
        for (String step : steps) {
            if (cur instanceof MapNode m) {
                MapNode.Entry e = m.entry(step);
                if (e == null) {
                    return best;
                }
                best = e.keyPos();
                cur = e.value();
            } else if (cur instanceof SeqNode s) {
                int i = JsonPointer.index(step);
                if (i < 0 || i >= s.size()) {
                    return best;
                }
                cur = s.get(i);
                best = cur.pos();
            } else {
                return best;
            }
        }
        return best;
    }

    /** The position of the value at {@code pointer} itself, falling back like {@link #of}. */
    public static Pos ofValue(Node root, String pointer) {
        Node n = root.at(pointer);
        return n != null ? n.pos() : of(root, pointer);
    }
}
