package io.kgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label selector as Kubernetes matches it: the equality map of a Service or ReplicationController
 * ({@code spec.selector: {app: web}}), or a {@code metav1.LabelSelector} of the apps, batch and
 * policy APIs ({@code matchLabels} and {@code matchExpressions} with In, NotIn, Exists,
 * DoesNotExist). The one way to ask "which pods does this select"; see also
 * {@link ObjectGraph#podsSelectedBy(String, LabelSelector)}.
 */
public final class LabelSelector {
    /** One {@code matchExpressions} item. */
    public record Expression(String key, String operator, List<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> true; // an unknown operator is the schema check's business
            };
        }

        @Override
        public String toString() {
            return key + " " + operator + " " + values;
        }
    }

    private final Map<String, String> matchLabels;
    private final List<Expression> expressions;

    private LabelSelector(Map<String, String> matchLabels, List<Expression> expressions) {
        this.matchLabels = matchLabels;
        this.expressions = expressions;
    }

    /** An equality selector: every entry must be a label of the same value. */
    public static LabelSelector equality(Map<String, String> labels) {
        return new LabelSelector(Map.copyOf(labels), List.of());
    }

    /**
     * A {@code metav1.LabelSelector} ({@code matchLabels}, {@code matchExpressions}), or null when
     * {@code selector} is absent or not a mapping. Malformed items (no key, no operator) are left out.
     */
    public static LabelSelector of(Node selector) {
        if (!(selector instanceof MapNode m)) {
            return null;
        }
        List<Expression> expressions = new ArrayList<>();
        SeqNode items = m.seq("matchExpressions");
        if (items != null) {
            for (Node n : items.items()) {
                MapNode e = n.asMap();
                if (e == null || e.string("key") == null || e.string("operator") == null) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                if (e.seq("values") != null) {
                    // a value that is not a string (values: [1]) matches no label: the schema check reports it
                    e.seq("values").items().stream().filter(v -> v.text() != null).forEach(v -> values.add(v.text()));
                }
                expressions.add(new Expression(e.string("key"), e.string("operator"), List.copyOf(values)));
            }
        }
        return new LabelSelector(Labels.of(m, "matchLabels"), List.copyOf(expressions));
    }

    /** True for a selector with no requirement: it selects every pod (a PodDisruptionBudget's {@code {}}). */
    public boolean isEmpty() {
        return matchLabels.isEmpty() && expressions.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        return mismatch(labels) == null;
    }

    /** Which part of the selector {@code labels} fail ("matchLabels {app=web}"), or null when they match. */
    public String mismatch(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return "matchLabels " + matchLabels;
            }
        }
        for (Expression e : expressions) {
            if (!e.matches(labels)) {
                return "matchExpressions " + e;
            }
        }
        return null;
    }

    public Map<String, String> matchLabels() {
        return matchLabels;
    }

    public List<Expression> expressions() {
        return expressions;
    }

    @Override
    public String toString() {
        if (expressions.isEmpty()) {
            return matchLabels.toString();
        }
        List<String> parts = new ArrayList<>();
        matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
        expressions.forEach(e -> parts.add(e.toString()));
        return "{" + String.join(", ", parts) + "}";
    }
}
