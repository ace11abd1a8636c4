package io.kgate.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A resolved scalar. {@code value} is a String, Long, BigInteger, Double, Boolean or null, resolved
 * the way Kubernetes' YAML decoder does it; {@code raw} keeps the text as written for messages. The
 * position is held as two numbers, not a {@link Pos}: a large tree keeps millions of scalars.
 */
public final class ScalarNode implements Node {
    private final int line;
    private final int column;
    private final Object value;
    private final String raw;
    private final boolean quoted;

    public ScalarNode(Pos pos, Object value, String raw, boolean quoted) {
        this.line = pos.line();
        this.column = pos.column();
        this.value = value;
        this.raw = raw;
        this.quoted = quoted;
    }

    /** At line {@code line}, column {@code column}: for readers that make no {@link Pos}. */
    public ScalarNode(int line, int column, Object value, String raw, boolean quoted) {
        this.line = line;
        this.column = column;
        this.value = value;
        this.raw = raw;
        this.quoted = quoted;
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

    public Object value() {
        return value;
    }

    public String raw() {
        return raw;
    }

    public boolean quoted() {
        return quoted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarNode s && line == s.line && column == s.column && quoted == s.quoted
                && Objects.equals(value, s.value) && Objects.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, value, raw, quoted);
    }

    @Override
    public String toString() {
        return "ScalarNode[" + pos() + ", " + raw + "]";
    }

    @Override
    public long weight() {
        return 1;
    }

    @Override
    public String typeName() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "integer";
        }
        return "number";
    }

    public boolean isNull() {
        return value == null;
    }

    /** The numeric value, exact, or null when not a (finite) number. */
    public BigDecimal decimal() {
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        return null;
    }

    /** How the value reads in a message: strings quoted, other values as written. */
    public String display() {
        if (value instanceof String s) {
            String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
            return "\"" + cut.replace("\n", "\\n") + "\"";
        }
        return value == null ? "null" : raw;
    }
}
