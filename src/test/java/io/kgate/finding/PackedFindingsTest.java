package io.kgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.model.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Packed findings read back equal to those added, in order, however they are read. */
class PackedFindingsTest {

    /** Findings like a run's: repeated rules, files and objects, and everything a field may hold. */
    static List<Finding> findings(int n, long seed) {
        Random r = new Random(seed);
        Severity[] severities = Severity.values();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String file = "apps/team-" + r.nextInt(40) + "/deploy-" + r.nextInt(300) + ".yaml";
            ObjectRef object = switch (i % 7) {
                case 0 -> null; // about the whole file
                case 1 -> new ObjectRef(null, null, null, null); // a document without identity
                case 2 -> new ObjectRef("v1", "Secret", null, "münchen-" + r.nextInt(5)); // cluster-wide, not ASCII
                default -> new ObjectRef("apps/v1", "Deployment", "ns-" + r.nextInt(9), "web-" + r.nextInt(200));
            };
            String message = switch (i % 5) {
                case 0 -> "";
                case 1 -> "container web sets no cpu limit (budget per container: memory ≤ 128Mi, cpu ≤ 500m) " + i;
                case 2 -> "a line\nand another, tabs\tand \u0000 and an emoji \uD83D\uDE80 " + r.nextLong();
                default -> "Service ns/backend-" + r.nextInt(1000) + " exposes no port " + r.nextInt(65536);
            };
            out.add(new Finding("rule-" + r.nextInt(12), severities[r.nextInt(severities.length)], message, file,
                    i % 11 == 0 ? 0 : r.nextInt(1 << 20), r.nextInt(300), object,
                    object == null ? null : "/spec/template/spec/containers/" + r.nextInt(4)));
        }
        return out;
    }

    /** Written out without allocating, the hashes are those of Objects.hash (dedup order and sets unchanged). */
    @Test
    void findingsAndObjectsHashAsObjectsHashDoes() {
        for (Finding f : findings(300, 3)) {
            assertEquals(java.util.Objects.hash(f.rule(), f.severity(), f.message(), f.file(), f.line() * 31 + f.column(),
                    f.object(), f.path()), f.hashCode());
            ObjectRef o = f.object();
            if (o != null) {
                assertEquals(java.util.Objects.hash(o.apiVersion(), o.kind(), o.namespace(), o.name()), o.hashCode());
            }
        }
    }

    @Test
    void readBackInOrderByIndexAndInPieces() {
        List<Finding> added = findings(40_000, 1);
        PackedFindings packed = PackedFindings.of(added);
        assertTrue(packed.segmentCount() > 3, "several segments: " + packed.segmentCount());
        assertEquals(added.size(), packed.size());
        assertEquals(added, new ArrayList<>(packed)); // in order
        assertEquals(added, packed.stream().toList());
        for (Severity s : Severity.values()) {
            assertEquals(added.stream().filter(f -> f.severity() == s).count(), packed.count(s), s.id());
        }
        Random r = new Random(2);
        for (int i = 0; i < 2_000; i++) {
            int at = r.nextInt(added.size());
            assertEquals(added.get(at), packed.get(at), "finding " + at);
        }
        List<PackedFindings> pieces = packed.inPieces(3);
        assertEquals(3, pieces.size());
        assertEquals(added, PackedFindings.concat(pieces));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(added.size()));
    }

    @Test
    void deflatedToAFractionOfTheirMessages() {
        // a run's messages repeat names and phrases: deflated, not only written as bytes, they shrink several times
        List<Finding> added = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            added.add(new Finding("resource-budget", Severity.ERROR, "container web of Deployment shop/web-" + i % 700
                    + " sets no cpu limit (budget per container: memory ≤ 128Mi, cpu ≤ 500m): without them one pod"
                    + " can starve the node", "apps/shop/web-" + i / 3 + ".yaml", 20 + i % 40, 13, null, null));
        }
        long messages = added.stream().mapToLong(f -> f.message().length()).sum();
        PackedFindings packed = PackedFindings.of(added);
        assertTrue(packed.packedBytes() * 5 < messages, packed.packedBytes() + " bytes packed for " + messages + " of messages");
    }

    @Test
    void aSegmentSharesItsRepeatedStrings() {
        Finding a = new Finding("probes", Severity.WARNING, "one", new String("a/b.yaml"), 1, 1, null, null);
        Finding b = new Finding("probes", Severity.WARNING, "two", new String("a/b.yaml"), 2, 1, null, null);
        PackedFindings packed = PackedFindings.of(List.of(a, b));
        assertSame(packed.get(0).file(), packed.get(1).file());
    }

    @Test
    void joinedWithoutDecodingAndBuiltInSmallSegments() {
        List<Finding> one = findings(7_000, 4);
        List<Finding> two = findings(3, 5);
        List<Finding> three = findings(9_000, 6);
        PackedFindings joined = PackedFindings.concat(List.of(PackedFindings.of(one), PackedFindings.of(List.of()),
                new PackedFindings.Builder(16 * 1024).addAll(two).build(),
                new PackedFindings.Builder(16 * 1024).addAll(three).build()));
        List<Finding> all = new ArrayList<>(one);
        all.addAll(two);
        all.addAll(three);
        assertEquals(all, joined);
        assertEquals(all.get(7_001), joined.get(7_001));
        assertEquals(0, PackedFindings.of(List.of()).size());
        assertEquals(List.of(), PackedFindings.concat(List.of()));
    }

    /**
     * Text is written byte for byte when ASCII, encoded by hand when short enough, else by
     * String.getBytes: the same findings come back; a lone surrogate comes back as '?', as from getBytes.
     */
    @Test
    void textOfEveryLengthAndAlphabetComesBack() {
        List<Finding> added = new ArrayList<>();
        for (int length : new int[] {0, 1, 127, 128, 4095, 4096, 16_383, 16_384, 16_385, 70_000}) {
            for (String alphabet : List.of("a", "é", "≤", "ü≤\uD83D\uDE80", "\uD83D\uDE80")) {
                String text = "x".repeat(Math.max(0, length - 1)) + (length == 0 ? "" : alphabet);
                added.add(new Finding("rule-" + length, Severity.WARNING, text, text + ".yaml", length, 1,
                        new ObjectRef("v1", "ConfigMap", text, "cm"), "/data/" + text));
            }
        }
        assertEquals(added, new ArrayList<>(PackedFindings.of(added)));
        for (String lone : List.of("\uD83D", "a\uDE80b", "\uDE80\uD83D", "x\uD83D", "\uD83D\uD83D\uDE80")) {
            Finding f = new Finding("rule", Severity.INFO, lone, "f.yaml", 1, 1, null, null);
            assertEquals(new String(lone.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    PackedFindings.of(List.of(f)).get(0).message(), lone);
        }
    }

    @Test
    void oneFindingLargerThanASegment() {
        String huge = "x".repeat(PackedFindings.SEGMENT_BYTES * 3);
        List<Finding> added = new ArrayList<>(findings(10, 7));
        added.add(5, new Finding("schema", Severity.ERROR, huge, "big.yaml", 3, 4, null, "/data/a"));
        PackedFindings packed = PackedFindings.of(added);
        assertEquals(added, new ArrayList<>(packed));
        assertEquals(huge, packed.get(5).message());
    }

    @Test
    void threadsReadingByIndexEachGetTheirOwn() throws Exception {
        List<Finding> added = findings(30_000, 8);
        PackedFindings packed = PackedFindings.of(added);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 997;
                done.add(pool.submit((Callable<Boolean>) () -> {
                    for (int i = 0; i < added.size(); i++) {
                        int at = (i + offset) % added.size();
                        if (!added.get(at).equals(packed.get(at))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : done) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sortedByTheKeyOfTheirFileInTheirOrder() {
        List<Finding> one = findings(12_000, 9);
        List<Finding> two = findings(500, 10);
        List<Finding> three = findings(9_000, 11);
        List<Finding> four = findings(7_000, 12);
        java.util.function.ToIntFunction<String> key = file -> Math.floorMod(file.hashCode(), 5);
        // findings that come in the order of their keys, as a check reading the tree in order makes them
        List<Finding> inKeyOrder = three.stream().sorted(java.util.Comparator.comparingInt(f -> key.applyAsInt(f.file()))).toList();
        PackedFindings ordered = keyed(inKeyOrder, key);
        // and findings that jump from key to key
        PackedFindings jumping = keyed(four, key);
        // as a run has them: a list in the order the files were read, a plain list, lists packed as a check made them
        List<List<Finding>> parts = new ArrayList<>(PackedFindings.of(one).inPieces(2));
        parts.add(two);
        parts.add(ordered);
        parts.add(jumping);
        PackedFindings[] sorted = PackedFindings.sortedBy(parts, key, 6);
        List<Finding> all = new ArrayList<>(one);
        all.addAll(two);
        all.addAll(inKeyOrder);
        all.addAll(four);
        for (int k = 0; k < 6; k++) {
            int at = k;
            List<Finding> expected = all.stream().filter(f -> key.applyAsInt(f.file()) == at).toList();
            assertEquals(expected, sorted[k], "key " + k);
            for (Severity s : Severity.values()) { // segments moved whole keep their counts
                assertEquals(expected.stream().filter(f -> f.severity() == s).count(), sorted[k].count(s), "key " + k);
            }
        }
        assertEquals(0, sorted[5].size());
        assertEquals(inKeyOrder, ordered);
        assertEquals(four, jumping);
        // in the order of their keys: a segment ends where the key changes, so none holds two keys
        assertTrue(ordered.segmentCount() >= 5, "a segment per key at least: " + ordered.segmentCount());
        for (int s = 0; s < ordered.segmentCount(); s++) {
            assertEquals(1, keysOf(ordered, s, key), "segment " + s);
        }
        // jumping from key to key: segments are not cut at every finding
        assertTrue(jumping.segmentCount() < four.size() / 20, "segments: " + jumping.segmentCount());
    }

    private static PackedFindings keyed(List<Finding> findings, java.util.function.ToIntFunction<String> key) {
        PackedFindings.Builder b = PackedFindings.Builder.endingSegmentsAt(key);
        findings.forEach(b::add);
        return b.build();
    }

    /** How many keys the findings of segment {@code s} have. */
    private static long keysOf(PackedFindings p, int s, java.util.function.ToIntFunction<String> key) {
        return p.segment(s).stream().map(f -> key.applyAsInt(f.file())).distinct().count();
    }
}
