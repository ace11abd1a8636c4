package io.kgate.load;

import io.kgate.model.DuplicateKey;
import io.kgate.model.JsonPointer;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds positioned trees from the YAML event stream without recursion, so that nesting depth and
 * alias expansion are bounded by {@link LoadLimits} instead of by the stack or the heap. Never
 * constructs objects from tags: the only values are strings, numbers, booleans and null.
 */
final class YamlTreeBuilder {

    /** The outcome of parsing one document's text. {@code root} is null for an empty document. */
    record Result(Node root, List<Problem> problems, List<DuplicateKey> duplicateKeys) {
        boolean failed() {
            return problems.stream().anyMatch(Problem::fatal);
        }
    }

    /** A parse problem; a fatal one means the document could not be read at all. */
    record Problem(Pos pos, String message, boolean fatal) {
    }

    /** snakeyaml's default read buffer, in characters. */
    private static final int DEFAULT_BUFFER = 1024;
    private static final LoadSettings SETTINGS = settings(DEFAULT_BUFFER);

    private static LoadSettings settings(int bufferChars) {
        return LoadSettings.builder()
                .setLabel("kgate")
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setParseComments(false)
                .setBufferSize(bufferChars)
                .build();
    }

    /**
     * Settings whose read buffer holds the longest line of {@code text}. snakeyaml's reader copies its
     * whole unread window on every refill, and the scanner looks ahead up to a line (a scalar, a
     * comment) before consuming it: with a buffer shorter than a line, one 50 MB scalar costs
     * (50 MB / 1 KiB) copies of up to 50 MB each. A buffer at least as long as the longest line makes
     * every refill copy at most two lines, so reading stays linear in the size of the text.
     */
    static LoadSettings settingsFor(String text) {
        int longest = 0;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', lineStart)) {
            longest = Math.max(longest, i - lineStart);
            lineStart = i + 1;
        }
        longest = Math.max(longest, text.length() - lineStart);
        return longest < DEFAULT_BUFFER ? SETTINGS : settings(longest + 1);
    }

    private final LoadLimits limits;
    private final int lineOffset;
    private final List<Problem> problems = new ArrayList<>();
    private final List<DuplicateKey> duplicates = new ArrayList<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private long aliasExpansion;

    YamlTreeBuilder(LoadLimits limits, int lineOffset) {
        this.limits = limits;
        this.lineOffset = lineOffset;
    }

    /**
     * Parses {@code text}, which holds at most one YAML document; {@code lineOffset} is the number of
     * lines before it in its file, so positions are file positions.
     */
    static Result parse(String text, int lineOffset, LoadLimits limits) {
        return parse(text, 0, text.length(), lineOffset, limits);
    }

    /** {@link #parse(String, int, LoadLimits)} of the document text[start, end), cut out only for snakeyaml-engine. */
    static Result parse(String text, int start, int end, int lineOffset, LoadLimits limits) {
        Result block = BlockYaml.read(text, start, end, lineOffset, limits);
        if (block != null) {
            return block;
        }
        return parseFully(start == 0 && end == text.length() ? text : text.substring(start, end), lineOffset, limits);
    }

    /** {@link #parse} with snakeyaml-engine alone: all of YAML, and the messages for broken text. */
    static Result parseFully(String text, int lineOffset, LoadLimits limits) {
        YamlTreeBuilder b = new YamlTreeBuilder(limits, lineOffset);
        Node root = null;
        try {
            LoadSettings settings = settingsFor(text);
            root = b.build(new ParserImpl(settings, new StreamReader(settings, text)));
        } catch (MarkedYamlEngineException e) {
            // a problem found only at the end of the text ("got <stream end>") belongs where its construct began
            Optional<Mark> at = e.getProblemMark().filter(m -> m.getIndex() < text.length() || e.getContextMark().isEmpty())
                    .or(e::getContextMark);
            Pos pos = at.map(b::pos).orElse(new Pos(lineOffset + 1, 1));
            b.problems.add(new Problem(pos, describe(e), true));
            root = null;
        } catch (YamlEngineException e) {
            b.problems.add(new Problem(new Pos(lineOffset + 1, 1), clean(e.getMessage()), true));
            root = null;
        } catch (LimitExceeded e) {
            b.problems.add(new Problem(e.pos, e.getMessage(), true));
            root = null;
        }
        if (root instanceof ScalarNode s && s.isNull() && s.raw().isEmpty()) {
            root = null; // "---" followed by nothing: an empty document
        }
        return new Result(root, b.problems, b.duplicates);
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = clean(e.getProblem());
        String context = e.getContext() == null ? "" : clean(e.getContext());
        if (problem.isEmpty()) {
            return context;
        }
        return context.isEmpty() ? problem : problem + " (" + context + ")";
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static final class LimitExceeded extends RuntimeException {
        final Pos pos;

        LimitExceeded(Pos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    /**
     * A collection under construction. Frames are reused (see {@link #startCollection}): a tree of a
     * million mappings is read with as many frames as it is deep.
     */
    private abstract static class Frame {
        /** Where the collection starts ({@link MapNode#packPosition}). */
        long pos;
        /** The collection this one is a value of (null for the root), and under which key or at which index. */
        Frame parent;
        String parentKey;
        int parentIndex;
        String anchor;
        long weight;
        /** Computed only when a duplicate key needs it: most collections never do. */
        private String pointer;

        /** This frame is now the collection starting at {@code pos}. */
        void start(long pos, Frame parent, String anchor) {
            this.pos = pos;
            this.parent = parent;
            // a collection used as a mapping key (no key yet) shares its mapping's pointer, as before
            this.parentKey = parent instanceof MapFrame m ? m.key : null;
            this.parentIndex = parent instanceof SeqFrame s ? s.items.size() : -1;
            this.anchor = anchor;
            this.weight = 1;
            this.pointer = null;
        }

        String pointer() {
            if (pointer == null) {
                pointer = parent == null ? "" : parentKey != null ? JsonPointer.child(parent.pointer(), parentKey)
                        : parentIndex >= 0 ? JsonPointer.child(parent.pointer(), parentIndex) : parent.pointer();
            }
            return pointer;
        }

        abstract void add(Node child, YamlTreeBuilder b);

        abstract Node finish(YamlTreeBuilder b);
    }

    private static final class SeqFrame extends Frame {
        final List<Node> items = new ArrayList<>();

        @Override
        void start(long pos, Frame parent, String anchor) {
            super.start(pos, parent, anchor);
            items.clear();
        }

        @Override
        void add(Node child, YamlTreeBuilder b) {
            items.add(child);
            weight += child.weight();
        }

        @Override
        Node finish(YamlTreeBuilder b) {
            return SeqNode.of(pos, items, weight);
        }
    }

    /**
     * The entries of a mapping being read, in written order; a later duplicate key replaces the value
     * in the place of the first (as a LinkedHashMap would), and a hash index exists only for the rare
     * large mapping.
     */
    private static final class Entries {
        private static final int INDEXED_ABOVE = 8;
        /** Keys, their positions ({@link MapNode#packPosition}) and values, in written order: no object per entry. */
        private String[] keys = new String[4];
        private long[] positions = new long[4];
        private Node[] values = new Node[4];
        private int size;
        private Map<String, Integer> index;

        int indexOf(String key) {
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        Pos keyPosAt(int i) {
            return MapNode.unpackPosition(positions[i]);
        }

        Node valueAt(int i) {
            return values[i];
        }

        void put(String key, long keyPos, Node value) {
            int i = indexOf(key);
            if (i < 0) {
                i = size++;
                if (i == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * i);
                    positions = Arrays.copyOf(positions, 2 * i);
                    values = Arrays.copyOf(values, 2 * i);
                }
                if (index != null) {
                    index.put(key, i);
                } else if (size > INDEXED_ABOVE) {
                    index = new HashMap<>();
                    for (int k = 0; k < size; k++) {
                        index.put(k == i ? key : keys[k], k);
                    }
                }
            }
            keys[i] = key;
            positions[i] = keyPos;
            values[i] = value;
        }

        MapNode node(long pos, long weight) {
            return MapNode.of(pos, keys, positions, values, size, weight);
        }

        /** Above this many keys a mapping's arrays are left to the collector, not kept for the next. */
        static final int KEPT_CAPACITY = 256;

        int capacity() {
            return keys.length;
        }

        Entries cleared() {
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
            index = null;
            return this;
        }
    }

    private static final class MapFrame extends Frame {
        Entries entries = new Entries();
        List<Node> merges;
        String key;
        /** The key's position ({@link MapNode#packPosition}). */
        long keyPos;
        boolean mergeKey;

        @Override
        void start(long pos, Frame parent, String anchor) {
            super.start(pos, parent, anchor);
            merges = null;
            key = null;
            keyPos = 0;
            mergeKey = false;
        }

        @Override
        void add(Node child, YamlTreeBuilder b) {
            if (key == null) {
                if (child instanceof ScalarNode s) {
                    key = s.value() == null && !s.quoted() && s.raw().isEmpty() ? "" : s.raw();
                    keyPos = MapNode.packPosition(s.pos());
                    mergeKey = !s.quoted() && "<<".equals(s.raw());
                } else {
                    Pos childPos = child.pos();
                    b.problems.add(new Problem(childPos,
                            "a mapping key must be a scalar, not " + child.typeName(), false));
                    key = "?";
                    keyPos = MapNode.packPosition(childPos);
                    mergeKey = false;
                }
                return;
            }
            if (mergeKey) {
                if (merges == null) {
                    merges = new ArrayList<>();
                }
                merges.add(child);
            } else {
                int first = entries.indexOf(key);
                if (first >= 0) {
                    b.duplicates.add(new DuplicateKey(JsonPointer.child(pointer(), key), MapNode.unpackPosition(keyPos),
                            entries.keyPosAt(first)));
                    weight -= entries.valueAt(first).weight();
                }
                entries.put(key, keyPos, child);
                weight += child.weight();
            }
            key = null;
        }

        @Override
        Node finish(YamlTreeBuilder b) {
            // YAML merge keys: explicit keys win, earlier merge sources win over later ones
            for (Node m : merges == null ? List.<Node>of() : merges) {
                List<Node> sources = m instanceof SeqNode s ? s.items() : List.of(m);
                for (Node src : sources) {
                    if (src instanceof MapNode sm) {
                        for (MapNode.Entry e : sm.entries()) {
                            if (entries.indexOf(e.key()) < 0) {
                                entries.put(e.key(), MapNode.packPosition(e.keyPos()), e.value());
                                weight += e.value().weight();
                            }
                        }
                    } else {
                        b.problems.add(new Problem(src.pos(), "a merge key (<<) needs a mapping to merge", false));
                    }
                }
            }
            MapNode node = entries.node(pos, weight);
            entries = entries.capacity() <= Entries.KEPT_CAPACITY ? entries.cleared() : new Entries();
            return node;
        }
    }

    private final Deque<Frame> stack = new ArrayDeque<>();
    /**
     * Frames of finished collections, for the next: the documents read on a thread share a few of each
     * kind (as many as the deepest nesting), each mapping's with its entries' arrays (a large mapping's
     * are not kept).
     */
    private static final ThreadLocal<Spare> SPARE = ThreadLocal.withInitial(Spare::new);

    private static final class Spare {
        final Deque<MapFrame> mappings = new ArrayDeque<>();
        final Deque<SeqFrame> sequences = new ArrayDeque<>();
    }

    private final Spare spare = SPARE.get();
    private Node root;

    /**
     * A mapping or sequence starts at {@code pos} ({@link MapNode#packPosition}); {@code anchor} names it
     * for later aliases, or is null.
     */
    void startCollection(boolean mapping, long pos, String anchor) {
        if (stack.size() >= limits.maxDepth()) {
            throw new LimitExceeded(MapNode.unpackPosition(pos),
                    "nesting deeper than " + limits.maxDepth() + " levels; refusing to read further");
        }
        Frame parent = stack.peek();
        Frame f = mapping ? Objects.requireNonNullElseGet(spare.mappings.poll(), MapFrame::new)
                : Objects.requireNonNullElseGet(spare.sequences.poll(), SeqFrame::new);
        f.start(pos, parent, anchor);
        stack.push(f);
    }

    /** The innermost open collection ends. */
    void endCollection() {
        Frame f = stack.pop();
        Node finished = f.finish(this);
        if (f.anchor != null) {
            anchors.put(f.anchor, finished);
        }
        add(finished);
        // kept for the next collection, holding nothing of this one (a sequence's items are cleared when it starts)
        f.parent = null;
        if (f instanceof MapFrame m) {
            spare.mappings.push(m);
        } else if (f instanceof SeqFrame q) {
            q.items.clear();
            spare.sequences.push(q);
        }
    }

    /** A finished node (a scalar, an alias's target, a collection) takes its place in its parent. */
    void add(Node finished) {
        if (stack.isEmpty()) {
            root = finished;
        } else {
            stack.peek().add(finished, this);
        }
    }

    /** What was built, for a reader other than snakeyaml's (it reports no problems of its own). */
    Result result() {
        return new Result(root, problems, duplicates);
    }

    /** How deep the collections open now are nested. */
    int depth() {
        return stack.size();
    }

    /**
     * A mapping key written as text, plain or quoted: sets the key of the mapping being read as the
     * scalar would, without building and resolving a scalar that is only read for its text.
     */
    /** A mapping key, or a scalar where no key is awaited; {@code pos} as {@link MapNode#packPosition} makes it. */
    void key(long pos, String text, boolean quoted) {
        if (stack.peek() instanceof MapFrame m && m.key == null) {
            m.key = text;
            m.keyPos = pos;
            m.mergeKey = !quoted && "<<".equals(text);
        } else {
            add(quoted ? quoted(pos, text) : plain(pos, text));
        }
    }

    /** A plain (unquoted) scalar: its value resolved as Kubernetes' YAML decoder resolves it. */
    static ScalarNode plain(Pos pos, String text) {
        return plain(MapNode.packPosition(pos), text);
    }

    /** {@link #plain(Pos, String)} at a position {@link MapNode#packPosition} made: no {@link Pos} per scalar. */
    static ScalarNode plain(long pos, String text) {
        return new ScalarNode(MapNode.packedLine(pos), MapNode.packedColumn(pos), ScalarResolver.resolvePlain(text), text,
                false);
    }

    /** A quoted or block scalar: always a string. */
    static ScalarNode quoted(Pos pos, String text) {
        return quoted(MapNode.packPosition(pos), text);
    }

    static ScalarNode quoted(long pos, String text) {
        return new ScalarNode(MapNode.packedLine(pos), MapNode.packedColumn(pos), text, text, true);
    }

    private Node build(Parser parser) {
        while (parser.hasNext()) {
            Event ev = parser.next();
            switch (ev.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (stack.size() < limits.maxDepth()) {
                        checkTag(ev);
                    }
                    startCollection(ev.getEventId() == Event.ID.MappingStart, MapNode.packPosition(pos(ev)),
                            ((NodeEvent) ev).getAnchor().map(Anchor::getValue).orElse(null));
                }
                case MappingEnd, SequenceEnd -> endCollection();
                case Scalar -> {
                    ScalarEvent se = (ScalarEvent) ev;
                    Node finished = scalar(se);
                    String anchor = se.getAnchor().map(Anchor::getValue).orElse(null);
                    if (anchor != null) {
                        anchors.put(anchor, finished);
                    }
                    add(finished);
                }
                case Alias -> {
                    AliasEvent ae = (AliasEvent) ev;
                    String name = ae.getAlias().getValue();
                    Node finished = anchors.get(name);
                    if (finished == null) {
                        throw new LimitExceeded(pos(ev), "alias *" + name + " refers to no anchor before it");
                    }
                    aliasExpansion += finished.weight();
                    if (aliasExpansion > limits.maxAliasExpansion()) {
                        throw new LimitExceeded(pos(ev), "aliases expand to more than " + limits.maxAliasExpansion()
                                + " nodes (an alias bomb?); refusing to read further");
                    }
                    add(finished);
                }
                default -> {
                    // stream and document boundaries carry nothing to build
                }
            }
        }
        return root;
    }

    private void checkTag(Event ev) {
        Optional<String> tag = ev instanceof ScalarEvent se ? se.getTag()
                : ev instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent cs ? cs.getTag() : Optional.empty();
        tag.filter(t -> !KNOWN_TAGS.contains(t)).ifPresent(t -> problems.add(new Problem(pos(ev),
                "unsupported YAML tag " + shortTag(t) + " (read as plain data; Kubernetes rejects it)", false)));
    }

    private static final java.util.Set<String> KNOWN_TAGS = java.util.Set.of("!", "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:binary", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
            "tag:yaml.org,2002:timestamp");

    private static String shortTag(String t) {
        return t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring("tag:yaml.org,2002:".length()) : t;
    }

    private Node scalar(ScalarEvent se) {
        checkTag(se);
        String text = se.getValue();
        Pos pos = pos(se);
        String tag = se.getTag().orElse(null);
        if (tag != null && KNOWN_TAGS.contains(tag)) {
            return switch (tag) {
                case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float" -> {
                    Object n = ScalarResolver.number(text);
                    if (n == null) {
                        problems.add(new Problem(pos, "\"" + text + "\" is not a number but is tagged "
                                + shortTag(tag), false));
                    }
                    yield new ScalarNode(pos, n == null ? text : n, text, false);
                }
                case "tag:yaml.org,2002:bool" -> {
                    Object b = ScalarResolver.resolvePlain(text);
                    yield new ScalarNode(pos, b instanceof Boolean ? b : text, text, false);
                }
                case "tag:yaml.org,2002:null" -> new ScalarNode(pos, null, text, false);
                default -> new ScalarNode(pos, text, text, true);
            };
        }
        return se.isPlain() ? plain(pos, text) : quoted(pos, text);
    }

    private Pos pos(Event ev) {
        return ev.getStartMark().map(this::pos).orElse(new Pos(lineOffset + 1, 1));
    }

    private Pos pos(Mark m) {
        return new Pos(m.getLine() + 1 + lineOffset, m.getColumn() + 1);
    }
}
