package io.kgate.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mapping; keys keep their own positions so findings about a field point at its key. */
public final class MapNode implements Node {
    /** One key: value pair as written. */
    public record Entry(String key, Pos keyPos, Node value) {
    }

    /** Above this many keys a hash index finds a key; below, a scan of the array is faster and lighter. */
    private static final int INDEXED_ABOVE = 8;

    private final Pos pos;
    /** The entries in written order; a plain array, as most mappings of a manifest have a few keys. */
    private final Entry[] entries;
    private final Map<String, Integer> index;
    private final long weight;

    public MapNode(Pos pos, Map<String, Entry> entries, long weight) {
        this(pos, entries.values().toArray(new Entry[0]), weight);
    }

    /** {@code entries} in written order, their keys distinct. */
    public MapNode(Pos pos, List<Entry> entries, long weight) {
        this(pos, entries.toArray(new Entry[0]), weight);
    }

    private MapNode(Pos pos, Entry[] entries, long weight) {
        this.pos = pos;
        this.entries = entries;
        if (this.entries.length > INDEXED_ABOVE) {
            Map<String, Integer> idx = new HashMap<>(this.entries.length * 2);
            for (int i = 0; i < this.entries.length; i++) {
                idx.put(this.entries[i].key(), i);
            }
            this.index = idx;
        } else {
            this.index = null;
        }
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
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    public Entry entry(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? null : entries[i];
        }
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The value of the key written in {@code s} from {@code from} to {@code to}, without cutting it out. */
    Node get(String s, int from, int to) {
        if (index != null) {
            return get(s.substring(from, to));
        }
        int length = to - from;
        for (Entry e : entries) {
            String k = e.key();
            if (k.length() == length && k.regionMatches(0, s, from, length)) {
                return e.value();
            }
        }
        return null;
    }

    public boolean has(String key) {
        return entry(key) != null;
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
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    public int size() {
        return entries.length;
    }
}
