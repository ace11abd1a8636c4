package io.kgate.model;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A retained tree ({@link RetainedFields}) written as bytes: the tree pass holds every object of a
 * large tree at once, and as nodes a retained object costs about 2.7 KB (a mapping is an object and
 * three arrays, a scalar an object and its strings), as bytes a few hundred. {@link #decode} gives
 * back an equal tree: same keys, values, positions, quoting and weights.
 *
 * <p>Layout, per node: a tag (the kind of node or scalar, plus {@link #QUOTED} and {@link #RAW}),
 * the line as a signed difference from the previous position written, the column, then: for a
 * mapping its weight, size and entries (key by number in {@link Keys}, the key's position, the
 * value); for a sequence its weight, size and items; for a scalar its value and, when it differs
 * from the value's text, its text as written. Numbers are unsigned LEB128 varints (signed ones
 * zigzagged); an ASCII string shorter than {@link #SHORTEST_IN_PLACE} is its number in the writing
 * thread's {@link Values}, another its UTF-8 length and bytes (the number or the length shifted left,
 * the lowest bit set for a number).
 */
public final class PackedTree {
    private static final int MAP = 1;
    private static final int SEQ = 2;
    private static final int NULL = 3;
    private static final int STRING = 4;
    private static final int LONG = 5;
    private static final int BIG_INTEGER = 6;
    private static final int DOUBLE = 7;
    private static final int TRUE = 8;
    private static final int FALSE = 9;
    private static final int TYPE = 0x0f;
    private static final int QUOTED = 0x10;
    /** The scalar's text as written is stored after its value (it is not the value's own text). */
    private static final int RAW = 0x20;

    /**
     * Mapping keys by number, shared by the trees of one run: keys repeat across objects (metadata,
     * labels, containers...), so each is stored once and decoded trees share its string.
     */
    public static final class Keys {
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private volatile String[] names = new String[256];
        private int size;

        int number(String key) {
            Integer n = numbers.get(key);
            return n != null ? n : add(key);
        }

        private synchronized int add(String key) {
            Integer n = numbers.get(key);
            if (n != null) {
                return n;
            }
            String[] now = names;
            if (size == now.length) {
                now = Arrays.copyOf(now, size * 2);
            }
            now[size] = key;
            names = now; // published before the number: a reader given the number finds the name
            numbers.put(key, size);
            return size++;
        }

        String name(int number) {
            return names[number];
        }
    }

    /**
     * The short values of the trees one thread writes, each stored once: a tree of 100,000 generated
     * objects holds 1.9 million scalars but 57,000 distinct values (namespaces, label values, names
     * that labels repeat, ports, quantities), a third of its kept bytes. Kept as bytes in pages and
     * numbers in arrays, which the collector never copies object by object (a table of Strings, one
     * object per value, made every collection slower than the bytes saved). ASCII values shorter than
     * {@link #SHORTEST_IN_PLACE} only. Written by its thread alone; read by others once that thread's
     * work has been joined (the file pass writes, the tree pass reads).
     */
    static final class Values {
        /** Past this many, new values are written in place: a tree of unique values would only grow the table. */
        static final int MOST = 1 << 20;
        static final ThreadLocal<Values> OF_THREAD = ThreadLocal.withInitial(() -> new Values(MOST));
        /** 128 KiB pages: each an array of a chunk of its own for the native image's collector. */
        private static final int PAGE_BITS = 17;
        private static final int PAGE = 1 << PAGE_BITS;

        private final int most;
        private byte[][] pages = new byte[4][];
        private int page = -1;
        private int used = PAGE;
        /** Per number: where its bytes start (page, offset) and how many there are. */
        private int[] starts = new int[1024];
        private byte[] lengths = new byte[1024];
        private int count;
        /** Open addressing, at most half full: number + 1 in each slot, 0 for none. */
        private int[] slots = new int[2048];

        Values(int most) {
            this.most = most;
        }

        /** The number of {@code ascii} (shorter than {@link #SHORTEST_IN_PLACE}), numbered now if new; -1 when full. */
        int number(String ascii) {
            int mask = slots.length - 1;
            int i = spread(ascii.hashCode()) & mask;
            for (int n; (n = slots[i]) != 0; i = (i + 1) & mask) {
                if (same(n - 1, ascii)) {
                    return n - 1;
                }
            }
            if (count == most) {
                return -1;
            }
            int length = ascii.length();
            if (used + length > PAGE) {
                if (++page == pages.length) {
                    pages = Arrays.copyOf(pages, pages.length * 2);
                }
                pages[page] = new byte[PAGE];
                used = 0;
            }
            byte[] to = pages[page];
            for (int c = 0; c < length; c++) {
                to[used + c] = (byte) ascii.charAt(c);
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            starts[count] = page << PAGE_BITS | used;
            lengths[count] = (byte) length;
            used += length;
            slots[i] = count + 1;
            if (++count * 2 > slots.length) {
                rehash();
            }
            return count - 1;
        }

        /** The value numbered {@code number}, as {@link DecodedStrings} shares short text. */
        String value(int number) {
            int at = starts[number];
            return DecodedStrings.of(pages[at >>> PAGE_BITS], at & (PAGE - 1), lengths[number]);
        }

        private boolean same(int number, String ascii) {
            if (lengths[number] != ascii.length()) {
                return false;
            }
            int at = starts[number];
            byte[] b = pages[at >>> PAGE_BITS];
            int from = at & (PAGE - 1);
            for (int c = 0; c < ascii.length(); c++) {
                if (b[from + c] != ascii.charAt(c)) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] now = new int[slots.length * 2];
            int mask = now.length - 1;
            for (int n = 0; n < count; n++) {
                int at = starts[n];
                byte[] b = pages[at >>> PAGE_BITS];
                int from = at & (PAGE - 1);
                int h = 0;
                for (int c = 0; c < lengths[n]; c++) {
                    h = 31 * h + b[from + c]; // String.hashCode of ASCII text
                }
                int i = spread(h) & mask;
                while (now[i] != 0) {
                    i = (i + 1) & mask;
                }
                now[i] = n + 1;
            }
            slots = now;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }

    /** The slab (see {@link Slab}) or array that holds the tree's bytes, from {@code start} on. */
    private final byte[] bytes;
    private final int start;
    private final int size;
    private final Keys keys;
    /** The short values of the thread that wrote the tree. */
    private final Values values;

    private PackedTree(byte[] bytes, int start, int size, Keys keys, Values values) {
        this.bytes = bytes;
        this.start = start;
        this.size = size;
        this.keys = keys;
        this.values = values;
    }

    /**
     * Where each thread puts the trees it writes: in turn, in slabs of {@link #SIZE} bytes (its first one
     * smaller). At or above 128 KiB the native image's collector gives an array a chunk of its own and never
     * copies it; a large
     * run's 100,000 trees as arrays of their own were copied at each young collection that found them
     * and moved at each complete one. A slab lives as long as one of its trees.
     */
    private static final class Slab {
        static final int SIZE = 256 << 10;
        /** A tree at least this large gets an array of its own: a slab's unused end stays small. */
        static final int OWN_ARRAY = SIZE / 8;
        static final ThreadLocal<Slab> OF_THREAD = ThreadLocal.withInitial(Slab::new);
        /** A thread's first slab is small: a run over a few files (a commit's) does not allocate 256 KiB per thread. */
        byte[] bytes = new byte[16 << 10];
        int used;

        PackedTree put(byte[] tree, int size, Keys keys, Values values) {
            if (size >= OWN_ARRAY) {
                return new PackedTree(Arrays.copyOf(tree, size), 0, size, keys, values);
            }
            if (used + size > bytes.length) {
                bytes = new byte[SIZE];
                used = 0;
            }
            System.arraycopy(tree, 0, bytes, used, size);
            used += size;
            return new PackedTree(bytes, used - size, size, keys, values);
        }
    }

    /**
     * Above this many bytes a tree stays as nodes: nodes share what an alias names, bytes copy it at
     * each use, so a long anchored value used a thousand times would take a thousand times its size.
     */
    static final int MAX_BYTES = 4 << 20;
    /**
     * ASCII strings this long or longer are written in place, shorter ones by number ({@link Values}):
     * longer text (a config file in a ConfigMap) rarely repeats.
     */
    static final int SHORTEST_IN_PLACE = 41;
    /** What the writer's buffer may keep between objects; a larger one was for an unusual object. */
    private static final int KEPT_BUFFER = 64 << 10;

    /**
     * {@code root} as bytes, or null when it holds what this format does not write back unchanged (a
     * value of another type, a string with an unpaired surrogate) or more than {@link #MAX_BYTES}.
     */
    public static PackedTree of(MapNode root, Keys keys) {
        return of(root, keys, null);
    }

    /**
     * The parts of a tree a {@link Selection} keeps, as {@link RetainedFields} describes them: a mapping
     * keeps the keys selected, a sequence keeps every item in place, an item not selected as a null
     * placeholder at its position; a node whose selection is whole is kept whole. Null as {@link #of}.
     */
    interface Selection {
        boolean whole();

        /** The selection below {@code key} (a key, or an item's index), or null when nothing is kept there. */
        Selection next(String key);
    }

    /** {@link #of(MapNode, Keys)} of the parts {@code selected} keeps (null: all), without building them as nodes. */
    static PackedTree of(MapNode root, Keys keys, Selection selected) {
        return of(root, keys, selected, Values.OF_THREAD.get());
    }

    /** {@link #of(MapNode, Keys, Selection)} with the short values numbered in {@code values} (for tests). */
    static PackedTree of(MapNode root, Keys keys, Selection selected, Values values) {
        Writer w = WRITER.get();
        w.reset(values);
        try {
            w.node(root, keys, selected);
            return Slab.OF_THREAD.get().put(w.buf, w.size, keys, values);
        } catch (NotWritable e) {
            return null;
        } finally {
            if (w.buf.length > KEPT_BUFFER) {
                w.buf = new byte[1024];
            }
        }
    }

    /** Thrown inside the writer when the tree cannot be written; one instance, no stack trace. */
    private static final class NotWritable extends RuntimeException {
        static final NotWritable INSTANCE = new NotWritable();

        private NotWritable() {
            super(null, null, false, false);
        }
    }

    /** The bytes held. */
    public int size() {
        return size;
    }

    /**
     * The tree written at {@code start} of {@code bytes} with these tables, as {@link KubeObject} holds
     * it (its fields, not this object: one object per kept object); its size is not known.
     */
    static PackedTree view(byte[] bytes, int start, Keys keys, Values values) {
        return new PackedTree(bytes, start, -1, keys, values);
    }

    /** The slab or array holding this tree's bytes (see {@link #view}). */
    byte[] bytes() {
        return bytes;
    }

    int start() {
        return start;
    }

    Keys keys() {
        return keys;
    }

    Values values() {
        return values;
    }

    /** A new tree equal to the one written. */
    public MapNode decode() {
        return (MapNode) new Reader(bytes, start, keys, values).node();
    }

    /** Where the tree starts, without decoding it. */
    public Pos pos() {
        return positionOf("");
    }

    /**
     * {@code root.at(pointer)} of the decoded tree, decoding only that node: what is before it in the
     * bytes is skipped, not built.
     */
    public Node at(String pointer) {
        Reader r = new Reader(bytes, start, keys, values);
        return r.walk(pointer) ? r.node() : null;
    }

    /** Whether {@code root.at(pointer)} of the decoded tree is a mapping, decoding nothing. */
    public boolean isMap(String pointer) {
        Reader r = new Reader(bytes, start, keys, values);
        return r.walk(pointer) && (bytes[r.at] & TYPE) == MAP;
    }

    /** {@link Positions#of} on the decoded tree, decoding nothing. */
    public Pos positionOf(String pointer) {
        Reader r = new Reader(bytes, start, keys, values);
        r.walk(pointer);
        return new Pos(r.enteredLine, r.enteredColumn);
    }

    private static final ThreadLocal<Writer> WRITER = ThreadLocal.withInitial(Writer::new);

    private static final class Writer {
        byte[] buf = new byte[1024];
        int size;
        int line;
        Values values;

        void reset(Values values) {
            size = 0;
            line = 0;
            this.values = values;
        }

        /** Indexes as selection keys, made once. */
        private static final String[] INDEXES = new String[64];

        static {
            for (int i = 0; i < INDEXES.length; i++) {
                INDEXES[i] = String.valueOf(i);
            }
        }

        /** The parts of {@code n} that {@code selected} keeps ({@link Selection}; null: all of it). */
        void node(Node n, Keys keys, Selection selected) {
            if (selected == null || selected.whole()) {
                node(n, keys);
            } else if (n instanceof MapNode m) {
                int kept = 0;
                for (int i = 0; i < m.size(); i++) {
                    if (selected.next(m.keyAt(i)) != null) {
                        kept++;
                    }
                }
                header(MAP, m.line(), m.column());
                varLong(1);
                varInt(kept);
                for (int i = 0; i < m.size(); i++) {
                    Selection next = selected.next(m.keyAt(i));
                    if (next != null) {
                        varInt(keys.number(m.keyAt(i)));
                        long kp = m.keyPositionAt(i);
                        position((int) (kp >>> 32), (int) kp);
                        node(m.valueAt(i), keys, next);
                    }
                }
            } else if (n instanceof SeqNode q) {
                header(SEQ, q.line(), q.column());
                varLong(1);
                varInt(q.size());
                for (int i = 0; i < q.size(); i++) {
                    Node item = q.get(i);
                    Selection next = selected.next(i < INDEXES.length ? INDEXES[i] : String.valueOf(i));
                    if (next != null) {
                        node(item, keys, next);
                    } else { // a placeholder: a null written empty, at the item's place
                        Pos at = item.pos();
                        header(NULL | RAW, at.line(), at.column());
                        string("");
                    }
                }
            } else {
                node(n, keys);
            }
        }

        /** Writes {@code n}; throws {@link NotWritable} for what would not come back unchanged. */
        void node(Node n, Keys keys) {
            if (n instanceof MapNode m) {
                header(MAP, m.line(), m.column());
                varLong(m.weight());
                varInt(m.size());
                for (int i = 0; i < m.size(); i++) {
                    varInt(keys.number(m.keyAt(i)));
                    long kp = m.keyPositionAt(i);
                    position((int) (kp >>> 32), (int) kp);
                    node(m.valueAt(i), keys);
                }
                return;
            }
            if (n instanceof SeqNode q) {
                header(SEQ, q.line(), q.column());
                varLong(q.weight());
                varInt(q.size());
                for (int i = 0; i < q.size(); i++) {
                    node(q.get(i), keys);
                }
                return;
            }
            ScalarNode s = (ScalarNode) n;
            Object v = s.value();
            int type;
            String text;
            if (v == null) {
                type = NULL;
                text = null;
            } else if (v instanceof String str) {
                type = STRING;
                text = str;
            } else if (v instanceof Long) {
                type = LONG;
                text = null;
            } else if (v instanceof BigInteger b) {
                type = BIG_INTEGER;
                text = b.toString();
            } else if (v instanceof Double) {
                type = DOUBLE;
                text = null;
            } else if (v instanceof Boolean b) {
                type = b ? TRUE : FALSE;
                text = null;
            } else {
                throw NotWritable.INSTANCE;
            }
            if (s.raw() == null) {
                throw NotWritable.INSTANCE;
            }
            boolean raw = text == null || !text.equals(s.raw());
            header(type | (s.quoted() ? QUOTED : 0) | (raw ? RAW : 0), s.line(), s.column());
            switch (type) {
                case STRING, BIG_INTEGER -> string(text);
                case LONG -> varLong(zigzag((Long) v));
                case DOUBLE -> {
                    long bits = Double.doubleToRawLongBits((Double) v);
                    for (int i = 0; i < 8; i++) {
                        put((byte) (bits >>> (8 * i)));
                    }
                }
                default -> {
                }
            }
            if (raw) {
                string(s.raw());
            }
        }

        void header(int tag, int line, int column) {
            put((byte) tag);
            position(line, column);
        }

        void position(int line, int column) {
            varLong(zigzag((long) line - this.line));
            this.line = line;
            varInt(column);
        }

        void string(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (ascii && n < SHORTEST_IN_PLACE) {
                int number = values.number(s);
                if (number >= 0) {
                    varLong(((long) number << 1) | 1);
                    return;
                }
            }
            if (ascii) {
                varLong((long) n << 1);
                ensure(n);
                for (int i = 0; i < n; i++) {
                    buf[size++] = (byte) s.charAt(i);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        throw NotWritable.INSTANCE; // UTF-8 would write it as '?'
                    }
                }
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                varLong((long) b.length << 1);
                ensure(b.length);
                System.arraycopy(b, 0, buf, size, b.length);
                size += b.length;
            }
        }

        static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }

        void varInt(int v) {
            varLong(v & 0xffffffffL);
        }

        void varLong(long v) {
            ensure(10);
            while ((v & ~0x7fL) != 0) {
                buf[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void put(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        void ensure(int more) {
            if (size + more > MAX_BYTES) {
                throw NotWritable.INSTANCE;
            }
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    private static final class Reader {
        final byte[] b;
        final Keys keys;
        final Values values;
        int at;
        int line;
        /**
         * After {@link #walk}: the position of the last key entered, or of the last array item (the
         * root's when none): what {@link Positions#of} answers.
         */
        int enteredLine;
        int enteredColumn;

        Reader(byte[] b, int start, Keys keys, Values values) {
            this.b = b;
            this.at = start;
            this.keys = keys;
            this.values = values;
        }

        Node node() {
            int tag = b[at++];
            int nodeLine = line();
            int column = (int) varLong();
            switch (tag & TYPE) {
                case MAP -> {
                    long weight = varLong();
                    int n = (int) varLong();
                    String[] names = new String[n];
                    long[] positions = new long[n];
                    Node[] values = new Node[n];
                    for (int i = 0; i < n; i++) {
                        names[i] = keys.name((int) varLong());
                        int keyLine = line();
                        positions[i] = (long) keyLine << 32 | (varLong() & 0xffffffffL);
                        values[i] = node();
                    }
                    return new MapNode(nodeLine, column, names, positions, values, weight);
                }
                case SEQ -> {
                    long weight = varLong();
                    int n = (int) varLong();
                    Node[] items = new Node[n];
                    for (int i = 0; i < n; i++) {
                        items[i] = node();
                    }
                    return new SeqNode(nodeLine, column, List.of(items), weight);
                }
                default -> {
                    return scalar(tag, nodeLine, column);
                }
            }
        }

        /**
         * Follows {@code pointer} from the root, walked in place like {@link Node#at}; true when
         * every step exists, with {@code at} left at the node it names.
         */
        boolean walk(String pointer) {
            enterPosition();
            if (pointer == null || pointer.isEmpty()) {
                return true;
            }
            int start = 1;
            while (true) {
                int slash = pointer.indexOf('/', start);
                int end = slash < 0 ? pointer.length() : slash;
                if (!enter(pointer, start, end)) {
                    return false;
                }
                if (slash < 0) {
                    return true;
                }
                start = slash + 1;
            }
        }

        /** Takes the position of the node at {@code at} as the one entered, leaving {@code at} before it. */
        private void enterPosition() {
            int node = at;
            int before = line;
            at++;
            enteredLine = line();
            enteredColumn = (int) varLong();
            at = node;
            line = before;
        }

        /**
         * Steps from the node at {@code at} into its child named by {@code pointer} from {@code from}
         * to {@code to} (a key, or an array index), leaving {@code at} at the child; false when there is none.
         */
        private boolean enter(String pointer, int from, int to) {
            int tag = b[at++];
            line();
            varLong();
            int type = tag & TYPE;
            if (type == MAP) {
                int tilde = pointer.indexOf('~', from);
                String escaped = tilde < 0 || tilde >= to ? null : JsonPointer.unescape(pointer.substring(from, to));
                int length = to - from;
                varLong();
                int n = (int) varLong();
                for (int i = 0; i < n; i++) {
                    String key = keys.name((int) varLong());
                    int keyLine = line();
                    int keyColumn = (int) varLong();
                    if (escaped != null ? key.equals(escaped)
                            : key.length() == length && key.regionMatches(0, pointer, from, length)) {
                        enteredLine = keyLine;
                        enteredColumn = keyColumn;
                        return true;
                    }
                    skip();
                }
                return false;
            }
            if (type == SEQ) {
                varLong();
                int n = (int) varLong();
                int index = JsonPointer.index(pointer.substring(from, to));
                if (index < 0 || index >= n) {
                    return false;
                }
                for (int i = 0; i < index; i++) {
                    skip();
                }
                enterPosition();
                return true;
            }
            return false;
        }

        /** Past the node at {@code at}, keeping {@code line} current (lines are written as differences). */
        void skip() {
            int tag = b[at++];
            line();
            varLong();
            switch (tag & TYPE) {
                case MAP -> {
                    varLong();
                    int n = (int) varLong();
                    for (int i = 0; i < n; i++) {
                        varLong();
                        line();
                        varLong();
                        skip();
                    }
                }
                case SEQ -> {
                    varLong();
                    int n = (int) varLong();
                    for (int i = 0; i < n; i++) {
                        skip();
                    }
                }
                case STRING, BIG_INTEGER -> skipString();
                case LONG -> varLong();
                case DOUBLE -> at += 8;
                default -> {
                }
            }
            if ((tag & RAW) != 0) {
                skipString();
            }
        }

        void skipString() {
            long code = varLong();
            if ((code & 1) == 0) {
                at += (int) (code >>> 1);
            }
        }

        private ScalarNode scalar(int tag, int nodeLine, int column) {
            Object value;
            String text = null;
            switch (tag & TYPE) {
                case NULL -> value = null;
                case STRING -> {
                    text = string();
                    value = text;
                }
                case LONG -> {
                    long z = varLong();
                    value = (z >>> 1) ^ -(z & 1);
                }
                case BIG_INTEGER -> {
                    text = string();
                    value = new BigInteger(text);
                }
                case DOUBLE -> {
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits |= (b[at++] & 0xffL) << (8 * i);
                    }
                    value = Double.longBitsToDouble(bits);
                }
                case TRUE -> value = Boolean.TRUE;
                case FALSE -> value = Boolean.FALSE;
                default -> throw new IllegalStateException("packed tree: tag " + tag + " at byte " + (at - 1));
            }
            String raw = (tag & RAW) != 0 ? string() : text;
            return new ScalarNode(nodeLine, column, value, raw, (tag & QUOTED) != 0);
        }

        int line() {
            long z = varLong();
            line += (int) ((z >>> 1) ^ -(z & 1));
            return line;
        }

        long varLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[at++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        String string() {
            long code = varLong();
            if ((code & 1) != 0) {
                return values.value((int) (code >>> 1));
            }
            int n = (int) (code >>> 1);
            String s = DecodedStrings.of(b, at, n);
            at += n;
            return s;
        }
    }

    /**
     * One String for each short ASCII value decoded again and again (a label value, a name read by
     * several rules), instead of a new one per decoding: the graph's lookups then share their keys,
     * and a tree pass that reads each object about ten times allocates less. A lossy memo, as the
     * reader's {@code SharedStrings}: nothing depends on what it holds.
     */
    static final class DecodedStrings {
        /** Longer text is rarely repeated and would only evict the short values. */
        private static final int LONGEST = 40;
        private static final int SLOTS = 1 << 14;
        private static final String[] SLOT = new String[SLOTS];

        private DecodedStrings() {
        }

        static String of(byte[] b, int from, int n) {
            if (n > LONGEST) {
                return new String(b, from, n, StandardCharsets.UTF_8);
            }
            int h = 0;
            for (int i = from; i < from + n; i++) {
                if (b[i] < 0) {
                    return new String(b, from, n, StandardCharsets.UTF_8); // not ASCII: not shared (compared byte by char)
                }
                h = 31 * h + b[i];
            }
            int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
            String known = SLOT[slot];
            if (known != null && known.length() == n && sameAscii(known, b, from)) {
                return known;
            }
            String s = new String(b, from, n, StandardCharsets.US_ASCII);
            SLOT[slot] = s;
            return s;
        }

        private static boolean sameAscii(String s, byte[] b, int from) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) != b[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
