package io.kgate.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One (sub)schema in the subset of OpenAPI that Kubernetes API definitions and CRD
 * {@code openAPIV3Schema}s use. Immutable after parsing; shared between threads.
 */
public final class Schema {
    public static final int OBJECT = 1;
    public static final int ARRAY = 2;
    public static final int STRING = 4;
    public static final int INTEGER = 8;
    /** Any number; an integer is a number too. */
    public static final int NUMBER = 16;
    public static final int BOOLEAN = 32;

    /** Accepts anything. */
    public static final Schema ANY = new Schema();

    /** Allowed types, 0 for any. */
    int types;
    String ref;
    Map<String, Schema> properties;
    /** additionalProperties: null when unset; {@link #ANY} for {@code true}; {@link #NONE} marker for {@code false}. */
    Schema additional;
    boolean additionalForbidden;
    /** Distinct, in written order; a list, read by index: the validator walks it for every mapping of every object. */
    List<String> required = List.of();
    List<Object> enumValues;
    Schema items;
    boolean nullable;
    boolean preserveUnknown;
    boolean embeddedResource;
    Pattern pattern;
    String patternText;
    BigDecimal minimum;
    BigDecimal maximum;
    long minLength = -1;
    long maxLength = -1;
    long minItems = -1;
    long maxItems = -1;
    List<Schema> oneOf;
    List<Schema> anyOf;
    List<Schema> allOf;
    Schema not;

    private Schema() {
    }

    /** Parses a schema from plain values (JSON/YAML maps and lists). */
    @SuppressWarnings("unchecked")
    public static Schema parse(Object plain) {
        if (!(plain instanceof Map<?, ?> raw)) {
            return ANY;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        Schema s = new Schema();
        Object type = m.get("type");
        if (type instanceof String t) {
            s.types = typeBit(t);
        } else if (type instanceof List<?> l) {
            for (Object t : l) {
                s.types |= typeBit(String.valueOf(t));
            }
        }
        if (Boolean.TRUE.equals(m.get("x-kubernetes-int-or-string")) || "int-or-string".equals(m.get("format"))) {
            s.types = INTEGER | STRING;
        }
        if (m.get("$ref") instanceof String r) {
            s.ref = r.startsWith("#/definitions/") ? r.substring("#/definitions/".length()) : r;
        }
        if (m.get("properties") instanceof Map<?, ?> props) {
            Map<String, Schema> ps = new LinkedHashMap<>();
            ((Map<String, Object>) props).forEach((k, v) -> ps.put(k, parse(v)));
            s.properties = Collections.unmodifiableMap(ps);
        }
        Object ap = m.get("additionalProperties");
        if (ap instanceof Boolean b) {
            s.additional = b ? ANY : null;
            s.additionalForbidden = !b;
        } else if (ap instanceof Map<?, ?>) {
            s.additional = parse(ap);
        }
        if (m.get("required") instanceof List<?> req) {
            Set<String> r = new LinkedHashSet<>();
            req.forEach(x -> r.add(String.valueOf(x)));
            s.required = List.copyOf(r);
        }
        if (m.get("enum") instanceof List<?> en) {
            s.enumValues = List.copyOf(en.stream().map(x -> x == null ? (Object) "\u0000null" : x).toList());
        }
        if (m.containsKey("items")) {
            s.items = parse(m.get("items"));
        }
        s.nullable = Boolean.TRUE.equals(m.get("nullable"));
        s.preserveUnknown = Boolean.TRUE.equals(m.get("x-kubernetes-preserve-unknown-fields"));
        s.embeddedResource = Boolean.TRUE.equals(m.get("x-kubernetes-embedded-resource"));
        if (m.get("pattern") instanceof String p) {
            try {
                s.pattern = Pattern.compile(p);
                s.patternText = p;
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot read is not checked rather than reported against the manifest
            }
        }
        s.minimum = decimal(m.get("minimum"));
        s.maximum = decimal(m.get("maximum"));
        s.minLength = whole(m.get("minLength"));
        s.maxLength = whole(m.get("maxLength"));
        s.minItems = whole(m.get("minItems"));
        s.maxItems = whole(m.get("maxItems"));
        s.oneOf = list(m.get("oneOf"));
        s.anyOf = list(m.get("anyOf"));
        s.allOf = list(m.get("allOf"));
        if (m.get("not") instanceof Map<?, ?> n) {
            s.not = parse(n);
        }
        return s;
    }

    /** This schema with the fields every object has (apiVersion, kind, metadata) declared when missing. */
    public Schema withObjectFields(Schema metadata) {
        Schema s = copy();
        Map<String, Schema> ps = new LinkedHashMap<>();
        Schema str = new Schema();
        str.types = STRING;
        ps.put("apiVersion", str);
        ps.put("kind", str);
        ps.put("metadata", metadata);
        if (properties != null) {
            ps.putAll(properties);
        }
        if (properties != null) {
            s.properties = Collections.unmodifiableMap(ps);
        }
        if (s.types == 0) {
            s.types = OBJECT;
        }
        return s;
    }

    private Schema copy() {
        Schema s = new Schema();
        s.types = types;
        s.ref = ref;
        s.properties = properties;
        s.additional = additional;
        s.additionalForbidden = additionalForbidden;
        s.required = required;
        s.enumValues = enumValues;
        s.items = items;
        s.nullable = nullable;
        s.preserveUnknown = preserveUnknown;
        s.embeddedResource = embeddedResource;
        s.pattern = pattern;
        s.patternText = patternText;
        s.minimum = minimum;
        s.maximum = maximum;
        s.minLength = minLength;
        s.maxLength = maxLength;
        s.minItems = minItems;
        s.maxItems = maxItems;
        s.oneOf = oneOf;
        s.anyOf = anyOf;
        s.allOf = allOf;
        s.not = not;
        return s;
    }

    public static Schema ref(String definition) {
        Schema s = new Schema();
        s.ref = definition;
        return s;
    }

    private static List<Schema> list(Object o) {
        if (!(o instanceof List<?> l)) {
            return null;
        }
        List<Schema> out = new ArrayList<>();
        l.forEach(x -> out.add(parse(x)));
        return List.copyOf(out);
    }

    private static int typeBit(String t) {
        return switch (t) {
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            default -> 0;
        };
    }

    private static BigDecimal decimal(Object o) {
        if (o instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (o instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (o instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return null;
    }

    private static long whole(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }

    /** "integer or string": the allowed types in words. */
    static String typeWords(int types) {
        List<String> w = new ArrayList<>();
        if ((types & OBJECT) != 0) {
            w.add("object");
        }
        if ((types & ARRAY) != 0) {
            w.add("array");
        }
        if ((types & INTEGER) != 0 && (types & NUMBER) == 0) {
            w.add("integer");
        }
        if ((types & NUMBER) != 0) {
            w.add("number");
        }
        if ((types & STRING) != 0) {
            w.add("string");
        }
        if ((types & BOOLEAN) != 0) {
            w.add("boolean");
        }
        if (w.size() <= 1) {
            return w.isEmpty() ? "any value" : w.get(0);
        }
        return String.join(", ", w.subList(0, w.size() - 1)) + " or " + w.get(w.size() - 1);
    }

    public Map<String, Schema> properties() {
        return properties;
    }

    public String ref() {
        return ref;
    }
}
