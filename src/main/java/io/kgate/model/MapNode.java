package io.kgate.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping; keys keep their own positions so findings about a field point at its key. */
public final class MapNode implements Node {
    /** One key: value pair as written. */
    public record Entry(String key, Pos keyPos, Node value) {
    }

    private final Pos pos;
    private final Map<String, Entry> entries;
    private final long weight;

    public MapNode(Pos pos, Map<String, Entry> entries, long weight) {
        this.pos = pos;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.weight = weight;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public long weight() {
        return weight;
    }

    @Override
    public String typeName() {
        return "object";
    }

    public Node get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The string value of a key, or null when absent or not a string. */
    public String string(String key) {
        Node n = get(key);
        return n == null ? null : n.text();
    }

    public MapNode map(String key) {
        Node n = get(key);
        return n == null ? null : n.asMap();
    }

    public SeqNode seq(String key) {
        Node n = get(key);
        return n == null ? null : n.asSeq();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }
}
