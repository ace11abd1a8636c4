package io.kgate.cel;

import dev.cel.common.values.NullValue;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;

/** Positioned manifest values as CEL sees them: maps, lists, int, double, string, bool and null. */
public final class CelValues {
    private CelValues() {
    }

    /** CEL's null. */
    public static Object nullValue() {
        return NullValue.NULL_VALUE;
    }

    /**
     * The value of {@code node} (null: CEL null). Mappings and sequences are views, converted as the
     * expression reads them: a rule reads a few fields of an object, and converting each object whole
     * for each rule was most of what CEL allocated on a large tree.
     */
    public static Object of(Node node) {
        if (node instanceof MapNode m) {
            return new MapView(m);
        }
        if (node instanceof SeqNode s) {
            return new ListView(s);
        }
        if (node instanceof ScalarNode sc) {
            return scalar(sc.value());
        }
        return NullValue.NULL_VALUE;
    }

    /** A mapping's values as CEL sees them, unmodifiable; its keys are distinct and in written order. */
    private static final class MapView extends AbstractMap<String, Object> {
        private final MapNode node;

        MapView(MapNode node) {
            this.node = node;
        }

        @Override
        public Object get(Object key) {
            Node v = key instanceof String k ? node.get(k) : null;
            return v == null ? null : of(v);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && node.has(k);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<String> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return new ByIndex<>(node.size()) {
                        @Override
                        String at(int i) {
                            return node.keyAt(i);
                        }
                    };
                }

                @Override
                public boolean contains(Object key) {
                    return containsKey(key);
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new ByIndex<>(node.size()) {
                        @Override
                        Map.Entry<String, Object> at(int i) {
                            return new SimpleImmutableEntry<>(node.keyAt(i), of(node.valueAt(i)));
                        }
                    };
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }
    }

    /** Items 0 to {@code size} - 1, each made when reached. */
    private abstract static class ByIndex<T> implements Iterator<T> {
        private final int size;
        private int next;

        ByIndex(int size) {
            this.size = size;
        }

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }

    /** A sequence's items as CEL sees them, unmodifiable. */
    private static final class ListView extends AbstractList<Object> implements RandomAccess {
        private final SeqNode node;

        ListView(SeqNode node) {
            this.node = node;
        }

        @Override
        public Object get(int i) {
            return of(node.get(i));
        }

        @Override
        public int size() {
            return node.size();
        }
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
