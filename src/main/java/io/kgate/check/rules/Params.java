package io.kgate.check.rules;

import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Quantity;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resolved, typed parameter values of one rule: template defaults overridden layer by layer. */
public final class Params {
    /** A quantity parameter: its text as written (for messages) and its exact value. */
    public record Qty(String text, BigDecimal value) {
        static Qty parse(String text) {
            return new Qty(text, Quantity.parse(text).orElseThrow(() -> new IllegalArgumentException(text)));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Params(List<ParamSpec> specs) {
        for (ParamSpec s : specs) {
            this.specs.put(s.name(), s);
            values.put(s.name(), s.defaultValue());
        }
    }

    /** Applies one layer ({@code params:} of a rule file, profile or config); errors name file and line. */
    void apply(MapNode layer, String file, String ruleId, String template) throws RuleError {
        for (MapNode.Entry e : layer.entries()) {
            ParamSpec spec = specs.get(e.key());
            if (spec == null) {
                throw new RuleError(file, e.keyPos(), "unknown parameter '" + e.key() + "' for rule " + ruleId
                        + " (template " + template + "; parameters: "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())) + ")");
            }
            values.put(spec.name(), convert(spec, e.value(), file, ruleId));
        }
    }

    private static Object convert(ParamSpec spec, Node n, String file, String ruleId) throws RuleError {
        String type = spec.type().display();
        String want = "parameter " + spec.name() + " of rule " + ruleId + " must be "
                + (type.startsWith("i") ? "an " : "a ") + type;
        ScalarNode s = n.asScalar();
        switch (spec.type()) {
            case STRING -> {
                if (n.text() == null) {
                    throw new RuleError(file, n.pos(), want + ", not " + n.typeName());
                }
                return n.text();
            }
            case BOOLEAN -> {
                if (s == null || !(s.value() instanceof Boolean b)) {
                    throw new RuleError(file, n.pos(), want + " (true or false), not " + n.typeName());
                }
                return b;
            }
            case INTEGER -> {
                if (s == null || !(s.value() instanceof Long l) || l < 0) {
                    throw new RuleError(file, n.pos(), want + " (0 or more), not " + (s == null ? n.typeName() : s.display()));
                }
                return l;
            }
            case QUANTITY -> {
                if (s == null || s.value() == null) {
                    return null; // explicitly unset: no limit
                }
                String text = s.value() instanceof String str ? str : s.raw();
                if (Quantity.parse(text).isEmpty() || Quantity.parse(text).get().signum() < 0) {
                    throw new RuleError(file, n.pos(), want + " such as 128Mi or 500m, not " + s.display());
                }
                return Qty.parse(text);
            }
            case STRING_LIST -> {
                SeqNode seq = n.asSeq();
                if (seq == null) {
                    throw new RuleError(file, n.pos(), want + ", not " + n.typeName());
                }
                List<String> out = new ArrayList<>();
                for (Node item : seq.items()) {
                    if (item.text() == null) {
                        throw new RuleError(file, item.pos(), want + "; this item is " + item.typeName());
                    }
                    out.add(item.text());
                }
                return List.copyOf(out);
            }
            default -> throw new IllegalStateException(spec.type().name());
        }
    }

    private Object get(String name) {
        if (!specs.containsKey(name)) {
            throw new IllegalArgumentException("template reads undeclared parameter " + name);
        }
        return values.get(name);
    }

    public String string(String name) {
        return (String) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public long integer(String name) {
        return (Long) get(name);
    }

    /** A quantity, or null when unset (no limit). */
    public Qty quantity(String name) {
        return (Qty) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) get(name);
    }

    /** "name=value" pairs for {@code kgate explain}. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
