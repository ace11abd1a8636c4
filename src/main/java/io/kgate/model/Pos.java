package io.kgate.model;

/** A 1-based line and column in a source file. */
public record Pos(int line, int column) implements Comparable<Pos> {
    public static final Pos START = new Pos(1, 1);

    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    // written out: the native image runs a record's generated equals and hashCode through method handles
    @Override
    public boolean equals(Object o) {
        return o instanceof Pos p && line == p.line && column == p.column;
    }

    @Override
    public int hashCode() {
        return line * 31 + column;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
