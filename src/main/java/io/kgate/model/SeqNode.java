package io.kgate.model;

import java.util.List;

/** A sequence. */
public record SeqNode(Pos pos, List<Node> items, long weight) implements Node {
    public SeqNode {
        items = List.copyOf(items);
    }

    @Override
    public String typeName() {
        return "array";
    }

    public Node get(int i) {
        return items.get(i);
    }

    public int size() {
        return items.size();
    }
}
