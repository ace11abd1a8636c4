package io.kgate.check.crd;

import io.kgate.cel.CelCost;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;

/** The size bounds a CRD schema node gives the cost estimate: maxItems, maxProperties, maxLength, enum. */
record SchemaShape(MapNode schema) implements CelCost.Shape {
    @Override
    public long maxItems() {
        long items = number("maxItems");
        return items >= 0 ? items : number("maxProperties");
    }

    @Override
    public long maxLength() {
        long len = number("maxLength");
        if (len >= 0) {
            return len;
        }
        if (schema.get("enum") instanceof SeqNode values) {
            long longest = 0;
            for (Node v : values.items()) {
                longest = Math.max(longest, v.text() == null ? 0 : v.text().length());
            }
            return longest;
        }
        return -1;
    }

    @Override
    public CelCost.Shape field(String name) {
        MapNode props = schema.map("properties");
        MapNode child = props != null && props.map(name) != null ? props.map(name) : schema.map("additionalProperties");
        return child == null ? null : new SchemaShape(child);
    }

    @Override
    public CelCost.Shape element() {
        MapNode child = schema.map("items") != null ? schema.map("items") : schema.map("additionalProperties");
        return child == null ? null : new SchemaShape(child);
    }

    @Override
    public boolean isMap() {
        return "object".equals(schema.string("type"));
    }

    private long number(String key) {
        return schema.get(key) instanceof ScalarNode s && s.value() instanceof Long l ? l : -1;
    }
}
