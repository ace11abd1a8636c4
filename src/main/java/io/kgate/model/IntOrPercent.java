package io.kgate.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An IntOrString field that Kubernetes scales against a count: {@code maxUnavailable: 25%} of 3
 * replicas, {@code minAvailable: 2}. The one way to ask "what is 25% of 3": rolling updates round
 * {@code maxUnavailable} down and {@code maxSurge} up; PodDisruptionBudgets round both
 * {@code minAvailable} and {@code maxUnavailable} up.
 */
public record IntOrPercent(long amount, boolean percent) {
    /** The value of an integer or "N%" field, or null when absent or malformed (the schema check reports those). */
    public static IntOrPercent of(Node n) {
        if (n instanceof ScalarNode s && s.value() instanceof Long l) {
            return new IntOrPercent(l, false);
        }
        String t = n == null ? null : n.text();
        if (t == null || !t.endsWith("%")) {
            return null;
        }
        try {
            return new IntOrPercent(Long.parseLong(t.substring(0, t.length() - 1).strip()), true);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The amount for {@code total} items: a plain number as is, a percentage of it rounded down or up. */
    public long scaledTo(long total, boolean roundUp) {
        if (!percent) {
            return amount;
        }
        return BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(amount))
                .divide(BigDecimal.valueOf(100), 0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR).longValue();
    }

    @Override
    public String toString() {
        return amount + (percent ? "%" : "");
    }
}
