package io.kgate.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A resolved scalar. {@code value} is a String, Long, BigInteger, Double, Boolean or null, resolved
 * the way Kubernetes' YAML decoder does it; {@code raw} keeps the text as written for messages.
 */
public record ScalarNode(Pos pos, Object value, String raw, boolean quoted) implements Node {
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
