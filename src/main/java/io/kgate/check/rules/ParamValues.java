package io.kgate.check.rules;

import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Quantity;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameter values of one rule: template defaults overridden layer by layer, checked against each parameter's type. */
final class ParamValues implements ParamSchema.Values {
    private final Map<String, Param<?>> specs = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    ParamValues(List<Param<?>> specs) {
        for (Param<?> s : specs) {
            this.specs.put(s.name(), s);
            values.put(s.name(), s.defaultValue());
        }
    }

    /** Applies one layer ({@code params:} of a rule file, profile or config); errors name file and line. */
    void apply(MapNode layer, String file, String ruleId, String template) throws RuleError {
        for (MapNode.Entry e : layer.entries()) {
            Param<?> spec = specs.get(e.key());
            if (spec == null) {
                throw new RuleError(file, e.keyPos(), "unknown parameter '" + e.key() + "' for rule " + ruleId
                        + " (template " + template + "; parameters: "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())) + ")");
            }
            values.put(spec.name(), convert(spec, e.value(), file, ruleId));
        }
    }

    private static Object convert(Param<?> spec, Node n, String file, String ruleId) throws RuleError {
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
                return Param.Qty.parse(text);
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

    @Override
    @SuppressWarnings("unchecked") // the value was converted to the parameter's type when it was set
    public <T> T get(Param<T> param) {
        if (!param.equals(specs.get(param.name()))) {
            throw new IllegalArgumentException("template reads undeclared parameter " + param.name());
        }
        return (T) values.get(param.name());
    }

    /** "name=value" pairs for {@code kgate explain}. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
