package io.kgate.schema;

import io.kgate.model.JsonPointer;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a positioned tree against a {@link Schema}, collecting every violation (not only the first).
 * Optional fields may be null (kubectl drops them); unknown fields are errors in strict mode.
 */
public final class Validator {
    private final Function<String, Schema> definitions;
    private final boolean strict;

    /** {@code definitions} resolves a $ref name to its schema (null when unknown: then anything goes). */
    public Validator(Function<String, Schema> definitions, boolean strict) {
        this.definitions = definitions;
        this.strict = strict;
    }

    public List<Violation> validate(Node node, Schema schema) {
        Set<Violation> out = new LinkedHashSet<>();
        check(node, schema, new Path(), out, 0);
        return List.copyOf(out);
    }

    private Schema resolve(Schema s) {
        int hops = 0;
        while (s != null && s.ref != null && hops++ < 50) {
            s = definitions.apply(s.ref);
        }
        return s;
    }

    private void check(Node node, Schema schema, Path ptr, Set<Violation> out, int depth) {
        Schema s = resolve(schema);
        if (s == null || s == Schema.ANY || depth > 200) {
            return;
        }
        if (node instanceof ScalarNode sc && sc.isNull()) {
            if (!s.nullable && s.types != 0) {
                out.add(new Violation(ptr.toString(), where(ptr) + "expected " + Schema.typeWords(s.types) + ", got null"));
            }
            return;
        }
        if (s.allOf != null) {
            for (Schema sub : s.allOf) {
                check(node, sub, ptr, out, depth + 1);
            }
        }
        if (s.types != (Schema.INTEGER | Schema.STRING) || s.properties != null) {
            union(node, s.anyOf, ptr, out, depth);
            union(node, s.oneOf, ptr, out, depth);
        }
        if (s.not != null) {
            Set<Violation> sub = new LinkedHashSet<>();
            check(node, s.not, ptr, sub, depth + 1);
            if (sub.isEmpty()) {
                out.add(new Violation(ptr.toString(), where(ptr) + describe(node) + " is not allowed here (the schema excludes it)"));
            }
        }
        if (s.types != 0 && !typeMatches(node, s.types)) {
            out.add(new Violation(ptr.toString(), where(ptr) + "expected " + Schema.typeWords(s.types) + ", got " + describe(node)));
            return;
        }
        if (s.enumValues != null && node instanceof ScalarNode sc && !inEnum(sc, s.enumValues)) {
            out.add(new Violation(ptr.toString(), where(ptr) + "unsupported value " + sc.display() + "; expected one of "
                    + s.enumValues.stream().map(Validator::enumWord).collect(Collectors.joining(", "))));
        }
        switch (node) {
            case MapNode m -> object(m, s, ptr, out, depth);
            case SeqNode a -> array(a, s, ptr, out, depth);
            case ScalarNode sc -> scalar(sc, s, ptr, out);
        }
    }

    /** anyOf/oneOf: fine when one branch fits; otherwise the errors of the branch closest to the value. */
    private void union(Node node, List<Schema> branches, Path ptr, Set<Violation> out, int depth) {
        if (branches == null || branches.isEmpty()) {
            return;
        }
        Set<Violation> best = null;
        Set<String> singles = new LinkedHashSet<>();
        int fitting = 0;
        int types = 0;
        for (Schema b : branches) {
            Set<Violation> sub = new LinkedHashSet<>();
            check(node, b, ptr, sub, depth + 1);
            if (sub.isEmpty()) {
                return;
            }
            Schema rb = resolve(b);
            types |= rb == null ? 0 : rb.types;
            boolean typeFits = rb != null && (rb.types == 0 || typeMatches(node, rb.types));
            if (typeFits) {
                fitting++;
                if (sub.size() == 1) {
                    String msg = sub.iterator().next().message();
                    singles.add(msg.startsWith(where(ptr)) ? msg.substring(where(ptr).length()) : msg);
                }
                if (best == null || sub.size() < best.size()) {
                    best = sub;
                }
            }
        }
        if (fitting >= 2 && singles.size() == fitting) {
            // alternatives that each miss one thing: name them all in one error, not just the first
            out.add(new Violation(ptr.toString(), where(ptr) + "must match one of " + fitting + " alternatives: "
                    + String.join(" | ", singles)));
        } else if (best != null) {
            out.addAll(best);
        } else {
            out.add(new Violation(ptr.toString(), where(ptr) + "expected " + Schema.typeWords(types) + ", got " + describe(node)));
        }
    }

    private void object(MapNode m, Schema s, Path ptr, Set<Violation> out, int depth) {
        boolean freeForm = s.properties == null && s.additional == null && !s.additionalForbidden;
        for (int i = 0, n = freeForm ? 0 : m.size(); i < n; i++) {
            String key = m.keyAt(i);
            Node v = m.valueAt(i);
            Schema ps = s.properties == null ? null : s.properties.get(key);
            if (ps == null && s.embeddedResource && (key.equals("apiVersion") || key.equals("kind")
                    || key.equals("metadata"))) {
                continue;
            }
            if (ps != null) {
                if (v instanceof ScalarNode sc && sc.isNull()) {
                    continue; // optional: kubectl drops it; required: reported once below
                }
                check(v, ps, ptr.push(key), out, depth + 1);
                ptr.pop();
            } else if (s.additional != null) {
                check(v, s.additional, ptr.push(key), out, depth + 1);
                ptr.pop();
            } else if (s.additionalForbidden || (strict && !s.preserveUnknown)) {
                ptr.push(key);
                out.add(new Violation(ptr.toString(), where(ptr) + "unknown field \"" + key + "\"" + suggestion(key, s)));
                ptr.pop();
            }
        }
        for (int i = 0; i < s.required.size(); i++) { // by index: no iterator per mapping
            String r = s.required.get(i);
            Node v = m.get(r);
            if (v == null) {
                out.add(new Violation(JsonPointer.child(ptr.toString(), r), where(ptr) + "missing required field \"" + r + "\""));
            } else if (v instanceof ScalarNode sc && sc.isNull()) {
                Schema rs = s.properties == null ? null : resolve(s.properties.get(r));
                if (rs == null || !rs.nullable) {
                    out.add(new Violation(JsonPointer.child(ptr.toString(), r), where(ptr) + "required field \"" + r
                            + "\" is null"));
                }
            }
        }
    }

    private void array(SeqNode a, Schema s, Path ptr, Set<Violation> out, int depth) {
        if (s.minItems >= 0 && a.size() < s.minItems) {
            out.add(new Violation(ptr.toString(), where(ptr) + "needs at least " + s.minItems + " item" + (s.minItems == 1 ? "" : "s")
                    + ", has " + a.size()));
        }
        if (s.maxItems >= 0 && a.size() > s.maxItems) {
            out.add(new Violation(ptr.toString(), where(ptr) + "allows at most " + s.maxItems + " items, has " + a.size()));
        }
        if (s.items != null) {
            for (int i = 0; i < a.size(); i++) {
                check(a.get(i), s.items, ptr.push(i), out, depth + 1);
                ptr.pop();
            }
        }
    }

    private void scalar(ScalarNode sc, Schema s, Path ptr, Set<Violation> out) {
        if (sc.value() instanceof String str) {
            if (s.pattern != null && (s.types & Schema.STRING) != 0 && !s.pattern.matcher(str).find()) {
                out.add(new Violation(ptr.toString(), where(ptr) + sc.display() + " does not match the pattern " + s.patternText));
            }
            int len = str.codePointCount(0, str.length());
            if (s.minLength >= 0 && len < s.minLength) {
                out.add(new Violation(ptr.toString(), where(ptr) + "must be at least " + s.minLength + " characters long"));
            }
            if (s.maxLength >= 0 && len > s.maxLength) {
                out.add(new Violation(ptr.toString(), where(ptr) + "must be at most " + s.maxLength + " characters long, is " + len));
            }
            return;
        }
        BigDecimal d = s.minimum == null && s.maximum == null ? null : sc.decimal();
        if (d != null) {
            if (s.minimum != null && d.compareTo(s.minimum) < 0) {
                out.add(new Violation(ptr.toString(), where(ptr) + "must be at least " + s.minimum.toPlainString() + ", got " + sc.raw()));
            }
            if (s.maximum != null && d.compareTo(s.maximum) > 0) {
                out.add(new Violation(ptr.toString(), where(ptr) + "must be at most " + s.maximum.toPlainString() + ", got " + sc.raw()));
            }
        }
    }

    static boolean typeMatches(Node node, int types) {
        int bit = switch (node) {
            case MapNode m -> Schema.OBJECT;
            case SeqNode a -> Schema.ARRAY;
            case ScalarNode sc -> scalarBit(sc);
        };
        if (bit == Schema.INTEGER) {
            return (types & (Schema.INTEGER | Schema.NUMBER)) != 0;
        }
        return (types & bit) != 0;
    }

    private static int scalarBit(ScalarNode sc) {
        Object v = sc.value();
        if (v instanceof String) {
            return Schema.STRING;
        }
        if (v instanceof Boolean) {
            return Schema.BOOLEAN;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return Schema.INTEGER;
        }
        if (v instanceof Double d) {
            // JSON has one number type: 3.0 is an integer to the API server
            return Double.isFinite(d) && d == Math.rint(d) ? Schema.INTEGER : Schema.NUMBER;
        }
        return 0;
    }

    private static boolean inEnum(ScalarNode sc, List<Object> values) {
        Object v = sc.value();
        for (int i = 0; i < values.size(); i++) { // by index: no iterator per value checked
            Object e = values.get(i);
            if (e.equals(v)) {
                return true;
            }
            if (e instanceof Number n && sc.decimal() != null
                    && new BigDecimal(n.toString()).compareTo(sc.decimal()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String enumWord(Object e) {
        return e instanceof String s ? (s.equals("\u0000null") ? "null" : s.isEmpty() ? "\"\"" : s) : String.valueOf(e);
    }

    /** "string \"two\"", "integer 3", "object": what the value is, for messages. */
    static String describe(Node node) {
        if (node instanceof ScalarNode sc) {
            return sc.typeName() + " " + sc.display();
        }
        return node.typeName();
    }

    private static String where(Path ptr) {
        return ptr.isRoot() ? "" : JsonPointer.toDotted(ptr.toString()) + ": ";
    }

    /** ", did you mean \"imagePullPolicy\"?" for a near miss among the declared fields. */
    private static String suggestion(String key, Schema s) {
        if (s.properties == null) {
            return "";
        }
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String p : s.properties.keySet()) {
            int d = distance(key.toLowerCase(), p.toLowerCase());
            if (d < bestDist) {
                bestDist = d;
                best = p;
            }
        }
        int limit = Math.max(1, Math.min(3, key.length() / 4));
        return best != null && bestDist <= limit ? ", did you mean \"" + best + "\"?" : "";
    }

    /** Levenshtein edit distance, for "did you mean" hints. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * Where the node being checked is: the keys and indexes from the root, pushed on the way down and
     * popped on the way back, one per validation. The JSON pointer is written only when a violation
     * needs it; an object per node visited was a sixth of what schema validation allocated.
     */
    private static final class Path {
        private String[] keys = new String[16];
        private int[] indexes = new int[16];
        private int depth;

        boolean isRoot() {
            return depth == 0;
        }

        Path push(String key) {
            return push(key, -1);
        }

        Path push(int index) {
            return push(null, index);
        }

        private Path push(String key, int index) {
            if (depth == keys.length) {
                keys = Arrays.copyOf(keys, 2 * depth);
                indexes = Arrays.copyOf(indexes, 2 * depth);
            }
            keys[depth] = key;
            indexes[depth] = index;
            depth++;
            return this;
        }

        void pop() {
            keys[--depth] = null;
        }

        @Override
        public String toString() {
            String pointer = "";
            for (int i = 0; i < depth; i++) {
                pointer = keys[i] != null ? JsonPointer.child(pointer, keys[i]) : JsonPointer.child(pointer, indexes[i]);
            }
            return pointer;
        }
    }
}
