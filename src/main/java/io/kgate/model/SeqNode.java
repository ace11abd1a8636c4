package io.kgate.model;

import java.util.List;
import java.util.Objects;

/** A sequence. Its position is held as two numbers (see {@link ScalarNode}). */
public final class SeqNode implements Node {
    private final int line;
    private final int column;
    private final List<Node> items;
    private final long weight;

    public SeqNode(Pos pos, List<Node> items, long weight) {
        this.line = pos.line();
        this.column = pos.column();
        this.items = List.copyOf(items);
        this.weight = weight;
    }

    /** A sequence of a copy of {@code items}, at a position {@link MapNode#packPosition} made. */
    public static SeqNode of(long pos, List<Node> items, long weight) {
        return new SeqNode(MapNode.packedLine(pos), MapNode.packedColumn(pos), List.copyOf(items), weight);
    }

    /** A sequence over {@code items}, which must be immutable ({@link PackedTree}). */
    SeqNode(int line, int column, List<Node> items, long weight) {
        this.line = line;
        this.column = column;
        this.items = items;
        this.weight = weight;
    }

    @Override
    public Pos pos() {
        return new Pos(line, column);
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    public List<Node> items() {
        return items;
    }

    @Override
    public long weight() {
        return weight;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SeqNode s && line == s.line && column == s.column && weight == s.weight
                && items.equals(s.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, items, weight);
    }
}
