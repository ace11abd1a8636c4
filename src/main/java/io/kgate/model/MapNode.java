package io.kgate.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping; keys keep their own positions so findings about a field point at its key. Positions are
 * held as numbers and the entries as parallel arrays: a large tree keeps millions of these, so a
 * mapping of n keys costs three arrays, not n entry and 2n position objects.
 */
public final class MapNode implements Node {
    /** One key: value pair as written (a view; the mapping does not keep these). */
    public record Entry(String key, Pos keyPos, Node value) {
    }

    /** Above this many keys a hash index finds a key; below, a scan of the array is faster and lighter. */
    private static final int INDEXED_ABOVE = 8;
    /** Shared by every empty mapping (a pruned tree has many). */
    private static final String[] NO_KEYS = {};
    private static final long[] NO_POSITIONS = {};
    private static final Node[] NO_VALUES = {};

    private final int line;
    private final int column;
    /** The keys in written order, their positions (line in the high half) and their values. */
    private final String[] keys;
    private final long[] keyPositions;
    private final Node[] values;
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
        this.line = pos.line();
        this.column = pos.column();
        int n = entries.length;
        this.keys = n == 0 ? NO_KEYS : new String[n];
        this.keyPositions = n == 0 ? NO_POSITIONS : new long[n];
        this.values = n == 0 ? NO_VALUES : new Node[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries[i].key();
            keyPositions[i] = packPosition(entries[i].keyPos());
            values[i] = entries[i].value();
        }
        this.index = hashIndex(keys);
        this.weight = weight;
    }

    /**
     * A mapping of the first {@code size} keys, positions ({@link #packPosition}) and values of these
     * arrays, keys distinct, at {@code pos} ({@link #packPosition}): what a parser gathered, copied to their size.
     */
    public static MapNode of(long pos, String[] keys, long[] keyPositions, Node[] values, int size, long weight) {
        if (size == 0) {
            return new MapNode(packedLine(pos), packedColumn(pos), NO_KEYS, NO_POSITIONS, NO_VALUES, weight);
        }
        return new MapNode(packedLine(pos), packedColumn(pos), Arrays.copyOf(keys, size),
                Arrays.copyOf(keyPositions, size), Arrays.copyOf(values, size), weight);
    }

    /** A mapping over these arrays, which it keeps ({@link PackedTree}): keys distinct, positions packed. */
    MapNode(int line, int column, String[] keys, long[] keyPositions, Node[] values, long weight) {
        this.line = line;
        this.column = column;
        int n = keys.length;
        this.keys = n == 0 ? NO_KEYS : keys;
        this.keyPositions = n == 0 ? NO_POSITIONS : keyPositions;
        this.values = n == 0 ? NO_VALUES : values;
        this.index = hashIndex(keys);
        this.weight = weight;
    }

    private static Map<String, Integer> hashIndex(String[] keys) {
        int n = keys.length;
        if (n > INDEXED_ABOVE) {
            Map<String, Integer> idx = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                idx.put(keys[i], i);
            }
            return idx;
        }
        return null;
    }

    /** A position as one number, line in the high half: how a mapping holds its keys' positions. */
    public static long packPosition(int line, int column) {
        return (long) line << 32 | (column & 0xffffffffL);
    }

    /** {@code p} as {@link #packPosition(int, int)} packs it. */
    public static long packPosition(Pos p) {
        return packPosition(p.line(), p.column());
    }

    /** The line of a position {@link #packPosition} made. */
    public static int packedLine(long p) {
        return (int) (p >>> 32);
    }

    /** The column of a position {@link #packPosition} made. */
    public static int packedColumn(long p) {
        return (int) p;
    }

    /** The position {@link #packPosition(int, int)} packed, as a {@link Pos}. */
    public static Pos unpackPosition(long p) {
        return new Pos(packedLine(p), packedColumn(p));
    }

    @Override
    public Pos pos() {
        return new Pos(line, column);
    }

    int line() {
        return line;
    }

    int column() {
        return column;
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
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    public Entry entry(String key) {
        int i = indexOf(key);
        return i < 0 ? null : entryAt(i);
    }

    /** The index of {@code key}, or -1. */
    int indexOf(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of the key written in {@code s} from {@code from} to {@code to}, without cutting it out. */
    Node get(String s, int from, int to) {
        int i = indexOf(s, from, to);
        return i < 0 ? null : values[i];
    }

    /** The index of the key written in {@code s} from {@code from} to {@code to}, or -1. */
    int indexOf(String s, int from, int to) {
        if (index != null) {
            return indexOf(s.substring(from, to));
        }
        int length = to - from;
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            if (k.length() == length && k.regionMatches(0, s, from, length)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String key) {
        return indexOf(key) >= 0;
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

    /** The entries in written order. */
    public List<Entry> entries() {
        return new AbstractList<>() {
            @Override
            public Entry get(int i) {
                return entryAt(i);
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** The {@code i}th entry (0-based, in written order). */
    public Entry entryAt(int i) {
        return new Entry(keys[i], keyPosAt(i), values[i]);
    }

    /** The {@code i}th key, without making an entry: for walks over every node of a large tree. */
    public String keyAt(int i) {
        return keys[i];
    }

    public Pos keyPosAt(int i) {
        return unpackPosition(keyPositions[i]);
    }

    /** The {@code i}th key's position as line (high half) and column, without making a {@link Pos}. */
    long keyPositionAt(int i) {
        return keyPositions[i];
    }

    public Node valueAt(int i) {
        return values[i];
    }

    public int size() {
        return keys.length;
    }
}
