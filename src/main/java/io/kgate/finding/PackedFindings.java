package io.kgate.finding;

import io.kgate.model.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Findings held as deflated bytes, in their order. Between the file pass and the end of the tree
 * pass a large run holds hundreds of thousands of findings, and their messages were, after the kept
 * trees, most of what it kept alive: work for every complete collection of the native image's serial
 * collector, and the peak of its heap. Deflated by segments of many findings they take about a tenth
 * of that room (a segment's messages repeat the same names, kinds and phrases); in small pieces they
 * would not shrink, and packed without deflating they take the room of their strings. Read back one
 * segment at a time, in order, or by index ({@link #get}, each thread keeping the segment it read last).
 *
 * <p>Immutable and safe to read from several threads. Each segment stands alone (its own table of
 * repeated strings and its own deflate stream), so lists are joined and sorted by file without
 * decoding the segments that hold one chunk of files ({@link #concat}, {@link #sortedBy}).
 */
public final class PackedFindings extends AbstractList<Finding> implements RandomAccess {
    /**
     * Bytes of findings per segment before it is deflated: large enough to shrink well (the text of a
     * report 9.9 times at 64 KiB, 11.1 at 256 KiB), small enough to be decoded for a few findings, and
     * to span few chunks of files when the run's findings are sorted by file (see {@link #sortedBy}).
     */
    public static final int SEGMENT_BYTES = 64 * 1024;
    /** A segment smaller than this is kept as it is: deflating a few findings gains nothing and costs a stream. */
    private static final int DEFLATE_FROM = 2048;
    /**
     * A segment holding this many bytes ends where the key of the findings changes ({@link
     * Builder#endingSegmentsAt}); a smaller one goes on: findings jumping between keys would make a
     * segment of each.
     */
    private static final int SPLIT_FROM = 4096;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final PackedFindings EMPTY = new PackedFindings(List.of());

    /**
     * One segment: its bytes (deflated when {@code deflated}) and their length once inflated, how many
     * findings it holds, how many of each severity, and the files they are about (each once).
     */
    private record Segment(byte[] bytes, int length, boolean deflated, int count, int[] bySeverity, String[] files) {
    }

    /** A segment read back: of which list, which one, and its findings. */
    private record Decoded(PackedFindings of, int segment, Finding[] findings) {
    }

    private final Segment[] segments;
    /** Index of the first finding of each segment, then the size. */
    private final int[] starts;

    private PackedFindings(List<Segment> segments) {
        this.segments = segments.toArray(Segment[]::new);
        this.starts = new int[this.segments.length + 1];
        for (int i = 0; i < this.segments.length; i++) {
            starts[i + 1] = starts[i] + this.segments[i].count;
        }
    }

    public static PackedFindings of(Iterable<Finding> findings) {
        if (findings instanceof PackedFindings p) {
            return p;
        }
        Builder b = new Builder();
        findings.forEach(b::add);
        return b.build();
    }

    /** {@code parts} one after the other, their segments shared, not decoded. */
    public static PackedFindings concat(List<PackedFindings> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<Segment> segments = new ArrayList<>();
        for (PackedFindings p : parts) {
            segments.addAll(Arrays.asList(p.segments));
        }
        return segments.isEmpty() ? EMPTY : new PackedFindings(segments);
    }

    /**
     * This list in {@code n} consecutive pieces of about as many segments (fewer pieces when there are
     * fewer segments), to be read on several threads.
     */
    public List<PackedFindings> inPieces(int n) {
        List<PackedFindings> out = new ArrayList<>();
        int pieces = Math.max(1, Math.min(n, segments.length));
        for (int p = 0; p < pieces; p++) {
            int from = segments.length * p / pieces;
            int to = segments.length * (p + 1) / pieces;
            out.add(from == to ? EMPTY : new PackedFindings(Arrays.asList(segments).subList(from, to)));
        }
        return out;
    }

    /**
     * The findings of {@code parts}, one after the other, sorted into {@code count} lists by the key of
     * their file ({@code keyOfFile}, from 0 to {@code count} - 1), in their order within each list. A
     * segment whose files all have the same key goes into its list whole, without being decoded (see
     * {@link Builder#endingSegmentsAt}); the findings of the others are packed again.
     */
    public static PackedFindings[] sortedBy(List<? extends List<Finding>> parts, ToIntFunction<String> keyOfFile,
            int count) {
        Builder[] into = new Builder[count];
        IntFunction<Builder> builder = k -> {
            if (into[k] == null) {
                into[k] = new Builder();
            }
            return into[k];
        };
        for (List<Finding> part : parts) {
            if (!(part instanceof PackedFindings packed)) {
                part.forEach(f -> builder.apply(keyOfFile.applyAsInt(f.file())).add(f));
                continue;
            }
            for (Segment segment : packed.segments) {
                int key = keyOfFile.applyAsInt(segment.files[0]);
                boolean one = true;
                for (String file : segment.files) {
                    one &= keyOfFile.applyAsInt(file) == key;
                }
                if (one) {
                    builder.apply(key).add(segment);
                } else {
                    for (Finding f : decode(segment)) {
                        builder.apply(keyOfFile.applyAsInt(f.file())).add(f);
                    }
                }
            }
        }
        PackedFindings[] out = new PackedFindings[count];
        for (int k = 0; k < count; k++) {
            out[k] = into[k] == null ? EMPTY : into[k].build();
        }
        return out;
    }

    @Override
    public int size() {
        return starts[segments.length];
    }

    /** How many segments hold the findings. */
    public int segmentCount() {
        return segments.length;
    }

    /** How many findings have severity {@code s}, counted without reading them back. */
    public long count(Severity s) {
        long n = 0;
        for (Segment segment : segments) {
            n += segment.bySeverity[s.ordinal()];
        }
        return n;
    }

    /** The findings of segment {@code s} (for tests: how findings were cut into segments). */
    List<Finding> segment(int s) {
        return subList(starts[s], starts[s + 1]);
    }

    /** The bytes held, for measuring. */
    public long packedBytes() {
        long n = 0;
        for (Segment s : segments) {
            n += s.bytes.length;
        }
        return n;
    }

    @Override
    public Finding get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int segment = Arrays.binarySearch(starts, index);
        if (segment < 0) {
            segment = -segment - 2;
        } else {
            while (starts[segment + 1] == index) {
                segment++; // past empty segments, which a builder never makes
            }
        }
        Decoded d = LAST_READ.get();
        if (d == null || d.of != this || d.segment != segment) {
            d = new Decoded(this, segment, decode(segments[segment]));
            LAST_READ.set(d);
        }
        return d.findings[index - starts[segment]];
    }

    @Override
    public Iterator<Finding> iterator() {
        return new Iterator<>() {
            private int segment = -1;
            private Finding[] current = new Finding[0];
            private int next;

            @Override
            public boolean hasNext() {
                return next < current.length || segment + 1 < segments.length;
            }

            @Override
            public Finding next() {
                if (next == current.length) {
                    if (segment + 1 >= segments.length) {
                        throw new NoSuchElementException();
                    }
                    segment++;
                    current = decode(segments[segment]);
                    next = 0;
                }
                return current[next++];
            }
        };
    }

    @Override
    public Spliterator<Finding> spliterator() {
        return Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.SIZED | Spliterator.NONNULL);
    }

    /** The segment each thread read last by index: a reader by index reads in order, a thread a part at a time. */
    private static final ThreadLocal<Decoded> LAST_READ = new ThreadLocal<>();
    // the scratch space of each thread: zlib's streams hold native memory, made once per thread, not per segment
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][SEGMENT_BYTES + 64]);

    private static Finding[] decode(Segment s) {
        byte[] raw;
        if (s.deflated) {
            raw = scratch(s.length);
            Inflater inflater = INFLATER.get();
            inflater.reset();
            inflater.setInput(s.bytes);
            try {
                int n = 0;
                while (n < s.length) {
                    int got = inflater.inflate(raw, n, s.length - n);
                    if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                        break;
                    }
                    n += got;
                }
                if (n != s.length) {
                    throw new IllegalStateException("a packed segment of findings is " + n + " bytes, not " + s.length);
                }
            } catch (DataFormatException e) {
                throw new IllegalStateException("a packed segment of findings cannot be read", e);
            }
        } else {
            raw = s.bytes;
        }
        return new Reader(raw, s.length).findings(s.count);
    }

    private static byte[] scratch(int length) {
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < length) {
            holder[0] = new byte[length];
        }
        return holder[0];
    }

    /**
     * Findings appended one by one, packed a segment at a time; used by one thread, then {@link #build}.
     * Strings that repeat within a segment (rules, files, paths, objects) are written once and then by
     * their number, so a segment holds mostly the messages.
     */
    public static final class Builder {
        private final int segmentBytes;
        private final List<Segment> segments = new ArrayList<>();
        private final Out out = new Out();
        /** The current segment's strings and objects written so far, by number. */
        private final Map<Object, Integer> shared = new HashMap<>();
        private final Set<String> files = new LinkedHashSet<>();
        private int inSegment;
        private int[] bySeverity = new int[SEVERITIES.length];
        /** The key of a finding's file that ends a segment where it changes; null: none. */
        private final ToIntFunction<String> keyOfFile;
        /** The key of the last finding added. */
        private int lastKey;

        public Builder() {
            this(SEGMENT_BYTES);
        }

        /** Segments of about {@code segmentBytes} before deflating, at most {@link #SEGMENT_BYTES} (for tests). */
        Builder(int segmentBytes) {
            this(segmentBytes, null);
        }

        private Builder(int segmentBytes, ToIntFunction<String> keyOfFile) {
            this.segmentBytes = Math.min(segmentBytes, SEGMENT_BYTES);
            this.keyOfFile = keyOfFile;
        }

        /**
         * A builder whose segments end where the key of the findings' files ({@code keyOfFile}) changes,
         * once a segment holds {@link #SPLIT_FROM} bytes: findings that come in the order of their keys
         * (a check reading the tree in order) make segments of one key, which {@link #sortedBy} moves
         * whole; findings that jump between keys share segments, which it decodes.
         */
        public static Builder endingSegmentsAt(ToIntFunction<String> keyOfFile) {
            return new Builder(SEGMENT_BYTES, keyOfFile);
        }

        public Builder add(Finding f) {
            if (keyOfFile != null) {
                int key = keyOfFile.applyAsInt(f.file());
                if (key != lastKey && out.size() >= SPLIT_FROM) {
                    flush();
                }
                lastKey = key;
            }
            files.add(f.file());
            string(f.rule());
            out.write(f.severity().ordinal());
            text(f.message());
            string(f.file());
            out.varInt(f.line());
            out.varInt(f.column());
            ref(f.object());
            string(f.path());
            inSegment++;
            bySeverity[f.severity().ordinal()]++;
            if (out.size() >= segmentBytes) {
                flush();
            }
            return this;
        }

        public Builder addAll(Iterable<Finding> findings) {
            findings.forEach(this::add);
            return this;
        }

        /** A segment of another list, after what was added before it. */
        private void add(Segment s) {
            flush();
            segments.add(s);
        }

        public PackedFindings build() {
            flush();
            return segments.isEmpty() ? EMPTY : new PackedFindings(segments);
        }

        /** Ends the current segment: the next finding starts one. */
        void flush() {
            if (inSegment == 0) {
                return;
            }
            int length = out.size();
            byte[] raw = out.bytes();
            if (length < DEFLATE_FROM) {
                segments.add(segment(Arrays.copyOf(raw, length), length, false));
            } else {
                Deflater deflater = DEFLATER.get();
                deflater.reset();
                deflater.setInput(raw, 0, length);
                deflater.finish();
                byte[] packed = scratch(length + 64);
                int n = 0;
                while (!deflater.finished()) {
                    if (n == packed.length) {
                        packed = Arrays.copyOf(packed, packed.length * 2);
                    }
                    n += deflater.deflate(packed, n, packed.length - n);
                }
                segments.add(segment(Arrays.copyOf(packed, n), length, true));
            }
            inSegment = 0;
            bySeverity = new int[SEVERITIES.length];
            out.reset();
            shared.clear();
            files.clear();
        }

        private Segment segment(byte[] bytes, int length, boolean deflated) {
            return new Segment(bytes, length, deflated, inSegment, bySeverity, files.toArray(String[]::new));
        }

        /**
         * A string or object that may repeat in the segment: 0 for null, n + 2 for the n-th one written
         * before; else it is numbered and 1 is written, and false returned: its parts follow.
         */
        private boolean written(Object o) {
            if (o == null) {
                out.write(0);
                return true;
            }
            Integer known = shared.get(o);
            if (known != null) {
                out.varInt(known + 2);
                return true;
            }
            shared.put(o, shared.size());
            out.write(1);
            return false;
        }

        private void string(String s) {
            if (!written(s)) {
                text(s);
            }
        }

        private void ref(ObjectRef r) {
            if (written(r)) {
                return;
            }
            string(r.apiVersion());
            string(r.kind());
            string(r.namespace());
            string(r.name());
        }

        private void text(String s) {
            out.utf8(s);
        }
    }

    /**
     * A byte buffer that gives its array without copying it. Not a ByteArrayOutputStream: its writes
     * are synchronized, a lock per byte of every finding, and nothing here is shared between threads.
     */
    private static final class Out {
        /** Longer text is encoded by String.getBytes: a message of 16 Ki characters is already rare. */
        private static final int LONGEST_CHARS = 1 << 14;
        private byte[] buf = new byte[4096];
        private int count;
        /** The text being written, grown as needed: a builder is made per task, most write short text. */
        private char[] chars = new char[256];

        byte[] bytes() {
            return buf;
        }

        int size() {
            return count;
        }

        void reset() {
            count = 0;
        }

        void write(int b) {
            if (count == buf.length) {
                grow(1);
            }
            buf[count++] = (byte) b;
        }

        void varInt(int v) {
            while ((v & ~0x7F) != 0) {
                write((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        /**
         * The UTF-8 bytes of {@code s} after their number, encoded here without the array
         * String.getBytes makes for each: findings' text is nearly all ASCII, and some rules' messages
         * have a "≤" in every one.
         */
        void utf8(String s) {
            int n = s.length();
            if (n <= LONGEST_CHARS) {
                if (chars.length < n) {
                    chars = new char[Math.min(LONGEST_CHARS, Math.max(n, chars.length * 2))];
                }
                s.getChars(0, n, chars, 0);
                int length = 0;
                for (int i = 0; i < n; i++) {
                    char c = chars[i];
                    if (c < 0x80) {
                        length++;
                    } else if (c < 0x800) {
                        length += 2;
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                        length += 4;
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        length++; // a lone surrogate is written as '?', as String.getBytes does
                    } else {
                        length += 3;
                    }
                }
                varInt(length);
                if (buf.length - count < length) {
                    grow(length);
                }
                for (int i = 0; i < n; i++) {
                    char c = chars[i];
                    if (c < 0x80) {
                        buf[count++] = (byte) c;
                    } else if (c < 0x800) {
                        buf[count++] = (byte) (0xC0 | (c >> 6));
                        buf[count++] = (byte) (0x80 | (c & 0x3F));
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                        int cp = Character.toCodePoint(c, chars[++i]);
                        buf[count++] = (byte) (0xF0 | (cp >> 18));
                        buf[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        buf[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        buf[count++] = (byte) (0x80 | (cp & 0x3F));
                    } else if (Character.isSurrogate(c)) {
                        buf[count++] = '?';
                    } else {
                        buf[count++] = (byte) (0xE0 | (c >> 12));
                        buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        buf[count++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varInt(b.length);
            if (buf.length - count < b.length) {
                grow(b.length);
            }
            System.arraycopy(b, 0, buf, count, b.length);
            count += b.length;
        }

        private void grow(int more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }

    /** One segment's bytes read back into findings. */
    private static final class Reader {
        private final byte[] b;
        private final int end;
        private int at;
        private final List<Object> shared = new ArrayList<>();

        Reader(byte[] b, int end) {
            this.b = b;
            this.end = end;
        }

        Finding[] findings(int count) {
            Finding[] out = new Finding[count];
            for (int i = 0; i < count; i++) {
                String rule = string();
                Severity severity = SEVERITIES[b[at++]];
                String message = text();
                String file = string();
                int line = varInt();
                int column = varInt();
                ObjectRef object = ref();
                String path = string();
                out[i] = new Finding(rule, severity, message, file, line, column, object, path);
            }
            if (at != end) {
                throw new IllegalStateException("a packed segment of findings has " + (end - at) + " bytes left over");
            }
            return out;
        }

        private String string() {
            int code = varInt();
            if (code == 0) {
                return null;
            }
            if (code > 1) {
                return (String) shared.get(code - 2);
            }
            int slot = shared.size();
            shared.add(null); // numbered before its text, as the writer did
            String s = text();
            shared.set(slot, s);
            return s;
        }

        private ObjectRef ref() {
            int code = varInt();
            if (code == 0) {
                return null;
            }
            if (code > 1) {
                return (ObjectRef) shared.get(code - 2);
            }
            int slot = shared.size();
            shared.add(null);
            ObjectRef r = new ObjectRef(string(), string(), string(), string());
            shared.set(slot, r);
            return r;
        }

        private String text() {
            int n = varInt();
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        private int varInt() {
            int v = 0;
            for (int shift = 0;; shift += 7) {
                byte x = b[at++];
                v |= (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
        }
    }
}
