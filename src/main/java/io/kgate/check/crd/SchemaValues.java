package io.kgate.check.crd;

import io.kgate.cel.CelValues;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom resource as its CRD's CEL rules see it: the API server applies the schema's defaults
 * before validating, and a {@code type: number} field is a double even when written as 3.
 */
final class SchemaValues {
    private SchemaValues() {
    }

    static Object convert(Node node, MapNode schema) {
        if (schema == null) {
            return CelValues.of(node);
        }
        if (node instanceof MapNode m) {
            MapNode props = schema.map("properties");
            MapNode additional = schema.map("additionalProperties");
            Map<String, Object> out = new LinkedHashMap<>();
            for (MapNode.Entry e : m.entries()) {
                MapNode child = props != null && props.map(e.key()) != null ? props.map(e.key()) : additional;
                out.put(e.key(), convert(e.value(), child));
            }
            if (props != null) {
                for (MapNode.Entry p : props.entries()) {
                    if (!out.containsKey(p.key()) && p.value() instanceof MapNode ps && ps.get("default") != null) {
                        out.put(p.key(), convert(ps.get("default"), ps));
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof SeqNode s) {
            MapNode items = schema.map("items");
            List<Object> out = new ArrayList<>(s.size());
            for (Node i : s.items()) {
                out.add(convert(i, items));
            }
            return Collections.unmodifiableList(out);
        }
        if (node instanceof ScalarNode sc && sc.value() instanceof Number n && "number".equals(schema.string("type"))) {
            return n.doubleValue();
        }
        return CelValues.of(node);
    }
}
