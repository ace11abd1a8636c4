package io.kgate.cel;

import dev.cel.common.values.NullValue;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Positioned manifest values as CEL sees them: maps, lists, int, double, string, bool and null. */
public final class CelValues {
    private CelValues() {
    }

    /** CEL's null. */
    public static Object nullValue() {
        return NullValue.NULL_VALUE;
    }

    /** The value of {@code node} (null: CEL null). */
    public static Object of(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (MapNode.Entry e : m.entries()) {
                out.put(e.key(), of(e.value()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof SeqNode s) {
            List<Object> out = new ArrayList<>(s.size());
            for (Node i : s.items()) {
                out.add(of(i));
            }
            return Collections.unmodifiableList(out);
        }
        if (node instanceof ScalarNode sc) {
            return scalar(sc.value());
        }
        return NullValue.NULL_VALUE;
    }

    /**
     * An object as the API server receives it: its tree, with {@code metadata.namespace} the namespace
     * its deployment unit gives it (kustomize's or Flux's {@code namespace:}) when the file sets none.
     */
    public static Object object(KubeObject o) {
        Object value = of(o.root());
        String namespace = o.namespace();
        if (namespace == null || !(value instanceof Map<?, ?> root) || o.root().map("metadata") == null
                || namespace.equals(o.root().map("metadata").string("namespace"))) {
            return value;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        ((Map<?, ?>) root.get("metadata")).forEach((k, v) -> metadata.put((String) k, v));
        metadata.put("namespace", namespace);
        Map<String, Object> out = new LinkedHashMap<>();
        root.forEach((k, v) -> out.put((String) k, v));
        out.put("metadata", Collections.unmodifiableMap(metadata));
        return Collections.unmodifiableMap(out);
    }

    /** A scalar: integers beyond int64 become doubles, as JSON decoding into CEL does. */
    public static Object scalar(Object v) {
        if (v == null) {
            return NullValue.NULL_VALUE;
        }
        if (v instanceof BigInteger b) {
            return b.doubleValue();
        }
        return v;
    }

    /** A Java value built by kgate (maps, lists, strings, numbers, booleans; null) in CEL form. */
    public static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(plain(x)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return scalar(v);
    }

    /** How a CEL value reads in a message. */
    public static String display(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v == null || v instanceof NullValue) {
            return "null";
        }
        return String.valueOf(v);
    }
}
