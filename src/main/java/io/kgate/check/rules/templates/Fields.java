package io.kgate.check.rules.templates;

import io.kgate.model.JsonPointer;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.List;
import java.util.function.BiConsumer;

/** Small readers of manifest fields shared by the templates. */
final class Fields {
    private Fields() {
    }

    /** An integer field's value, or null when absent or not an integer. */
    static Long integer(Node n) {
        return n instanceof ScalarNode s && s.value() instanceof Long l ? l : null;
    }

    static boolean isTrue(Node n) {
        return n instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    /** How a value reads in a message: strings bare, others as written. */
    static String show(Node n) {
        if (n == null) {
            return "nothing";
        }
        if (n.text() != null) {
            return n.text();
        }
        return n instanceof ScalarNode s ? s.raw() : n.typeName();
    }

    /** Each mapping item of {@code parent.key} with its pointer. */
    static void eachMap(MapNode parent, String parentPointer, String key, BiConsumer<String, MapNode> f) {
        SeqNode seq = parent == null ? null : parent.seq(key);
        if (seq == null) {
            return;
        }
        String base = JsonPointer.child(parentPointer, key);
        for (int i = 0; i < seq.size(); i++) {
            MapNode m = seq.get(i).asMap();
            if (m != null) {
                f.accept(JsonPointer.child(base, i), m);
            }
        }
    }

    /** "a, b, c" or "none". */
    static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
