package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.load.YamlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A packed tree decodes to a tree equal to the one written, node by node, position by position. */
class PackedTreeTest {

    /** Every node of {@code n} as text: kind, position, weight, value and its Java type, raw text, quoting. */
    static List<String> describe(Node n) {
        List<String> out = new ArrayList<>();
        describe(n, "", out);
        return out;
    }

    private static void describe(Node n, String path, List<String> out) {
        String head = path + " @" + n.pos() + " w" + n.weight() + " ";
        if (n instanceof MapNode m) {
            out.add(head + "map " + m.size());
            for (int i = 0; i < m.size(); i++) {
                out.add(path + "/" + m.keyAt(i) + " key@" + m.keyPosAt(i));
                describe(m.valueAt(i), path + "/" + m.keyAt(i), out);
            }
        } else if (n instanceof SeqNode q) {
            out.add(head + "seq " + q.size());
            for (int i = 0; i < q.size(); i++) {
                describe(q.get(i), path + "/" + i, out);
            }
        } else {
            ScalarNode s = (ScalarNode) n;
            Object v = s.value();
            out.add(head + (v == null ? "null" : v.getClass().getSimpleName() + ":" + v) + " raw=" + s.raw()
                    + " quoted=" + s.quoted());
        }
    }

    private static void roundTrip(String yaml) throws YamlText.Invalid {
        MapNode tree = YamlText.parse(yaml).asMap();
        PackedTree packed = PackedTree.of(tree, new PackedTree.Keys());
        assertNotNull(packed, yaml);
        MapNode back = packed.decode();
        assertEquals(describe(tree), describe(back), yaml);
        assertNotSame(tree, back);
    }

    @Test
    void everyKindOfScalarComesBackWithItsTypeTextAndQuoting() throws Exception {
        roundTrip("""
                apiVersion: v1
                kind: ConfigMap
                data:
                  plain: text
                  quoted: "text"
                  single: 'it''s'
                  number: "8080"
                  int: 8080
                  negative: -42
                  hex: 0x1F
                  octal: 0o17
                  big: 123456789012345678901234567890
                  float: 1.5e3
                  nan: .nan
                  inf: -.inf
                  zero: -0.0
                  yes: true
                  no: False
                  nothing: null
                  tilde: ~
                  empty:
                  unicode: "Grüße, 世界 🚀"
                  "ключ": значение
                  block: |
                    line one
                    line two
                  folded: >-
                    folded
                    text
                """);
    }

    @Test
    void nestingSequencesEmptyNodesAndPositionsComeBack() throws Exception {
        roundTrip("""
                spec:
                  template:
                    spec:
                      containers:
                        - name: a
                          ports: [{containerPort: 80, name: http}, {containerPort: 443}]
                          env: []
                        - {}
                        - - nested
                          - [1, 2, [3]]
                      volumes: {}
                  selector: {matchLabels: {app: web}}
                items:
                - 1
                - two
                -
                """);
    }

    @Test
    void anAliasIsWrittenAtEachPlaceItIsUsed() throws Exception {
        roundTrip("""
                base: &b
                  cpu: 100m
                  memory: 64Mi
                limits: *b
                merged:
                  <<: *b
                  memory: 128Mi
                """);
    }

    @Test
    void aLongValueUsedThroughManyAliasesStaysAsNodes() throws Exception {
        // nodes share what an alias names; bytes would copy it at each use
        StringBuilder yaml = new StringBuilder("data:\n  a: &x ").append("v".repeat(100_000)).append('\n');
        for (int i = 0; i < 60; i++) {
            yaml.append("  b").append(i).append(": *x\n");
        }
        MapNode tree = YamlText.parse(yaml.toString()).asMap();
        assertEquals(null, PackedTree.of(tree, new PackedTree.Keys()), "over " + PackedTree.MAX_BYTES + " bytes");
        roundTrip(yaml.substring(0, yaml.indexOf("  b10:"))); // ten uses: 1 MB, written
    }

    @Test
    void aStringWithAnUnpairedSurrogateStaysAsNodes() throws Exception {
        MapNode tree = YamlText.parse("a: \"\\ud800 alone\"\nb: \"\\ud83d\\ude80 paired\"\n").asMap();
        assertEquals("\ud800 alone", tree.string("a"));
        assertEquals(null, PackedTree.of(tree, new PackedTree.Keys()));
        roundTrip("b: \"\\ud83d\\ude80 paired\"\n");
    }

    @Test
    void farLinesAndColumnsComeBack() throws Exception {
        StringBuilder yaml = new StringBuilder("top: 1\n");
        yaml.append("\n".repeat(70_000));
        yaml.append("far: [").append("x".repeat(100_000)).append(", {deep: ").append("v".repeat(300)).append("}]\n");
        roundTrip(yaml.toString());
    }

    @Test
    void aNodeOrAPositionIsFoundWithoutDecodingTheRest() throws Exception {
        MapNode tree = YamlText.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations: {kgate.io/ignore: "selector-match", a~b: 1}
                spec:
                  selector: {app: web}
                  ports:
                    - {name: http, port: 80}
                    - name: https
                      port: 443
                  clusterIP: None
                """).asMap();
        PackedTree packed = PackedTree.of(tree, new PackedTree.Keys());
        for (String pointer : List.of("", "/kind", "/metadata", "/metadata/annotations/kgate.io~1ignore",
                "/metadata/annotations/a~0b", "/spec/ports/1", "/spec/ports/1/port", "/spec/ports/0/name",
                "/spec/ports/2", "/spec/ports/x", "/spec/ports/-1", "/spec/clusterIP", "/spec/clusterIP/deeper",
                "/spec/missing/deeper", "/nothing", "/spec/ports/1/missing")) {
            Node whole = tree.at(pointer);
            Node part = packed.at(pointer);
            assertEquals(whole == null ? null : describe(whole), part == null ? null : describe(part), pointer);
            assertEquals(Positions.of(tree, pointer), packed.positionOf(pointer), pointer);
            assertEquals(whole instanceof MapNode, packed.isMap(pointer), pointer);
        }
        assertEquals(tree.pos(), packed.pos());
    }

    @Test
    void keysAreNumberedOnceAndSharedByTheTreesOfARun() throws Exception {
        PackedTree.Keys keys = new PackedTree.Keys();
        String yaml = "metadata:\n  name: a\n  labels: {app: web}\n";
        PackedTree first = PackedTree.of(YamlText.parse(yaml).asMap(), keys);
        PackedTree second = PackedTree.of(YamlText.parse(yaml.replace("name: a", "name: b")).asMap(), keys);
        assertSame(first.decode().keyAt(0), second.decode().keyAt(0));
        assertEquals(first.size(), second.size());
        assertTrue(first.size() < 40, "bytes: " + first.size());
    }

    /**
     * Short values decoded again are one String (the graph's lookups share them), and a value is never
     * answered with another that fell in the same slot: 20,000 values of one to 41 characters, ASCII
     * and not, each decoded twice, come back as written.
     */
    @Test
    void shortValuesDecodedAgainAreSharedAndNeverConfused() throws Exception {
        PackedTree.Keys keys = new PackedTree.Keys();
        PackedTree shared = PackedTree.of(YamlText.parse("metadata: {labels: {app: web}}\n").asMap(), keys);
        assertSame(shared.decode().at("/metadata/labels/app").asScalar().value(),
                shared.decode().at("/metadata/labels/app").asScalar().value());
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder v = new StringBuilder("v");
            int length = random.nextInt(41);
            for (int c = 0; c < length; c++) {
                v.append(random.nextInt(20) == 0 ? 'é' : (char) ('a' + random.nextInt(3)));
            }
            String value = v.toString();
            PackedTree packed = PackedTree.of(YamlText.parse("v: \"" + value + "\"\n").asMap(), keys);
            for (int time = 0; time < 2; time++) {
                assertEquals(value, packed.decode().at("/v").asScalar().value());
            }
        }
    }

    /** Short ASCII values by number, until the thread's table is full; after that, and other values, in place. */
    @Test
    void shortValuesAreNumberedUntilTheTableIsFull() throws Exception {
        PackedTree.Keys keys = new PackedTree.Keys();
        PackedTree.Values values = new PackedTree.Values(2);
        String longValue = "x".repeat(PackedTree.SHORTEST_IN_PLACE);
        List<String> written = List.of("web", "api", "web", "db", longValue, "é");
        List<PackedTree> packed = new ArrayList<>();
        for (String v : written) {
            packed.add(PackedTree.of(YamlText.parse("v: " + v + "\n").asMap(), keys, null, values));
        }
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i), packed.get(i).decode().string("v"));
        }
        assertEquals(packed.get(0).size(), packed.get(1).size()); // numbered: as large whatever the value
        assertEquals(packed.get(0).size(), packed.get(2).size());
        assertEquals(packed.get(0).size() + "db".length(), packed.get(3).size()); // the table is full: in place
        assertEquals(packed.get(0).size() + longValue.length(), packed.get(4).size()); // long: in place
        assertEquals(packed.get(0).size() + "é".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                packed.get(5).size()); // not ASCII: in place
    }

    /** Trees written on several threads, each numbering values in its own table, come back on another. */
    @Test
    void treesWrittenOnSeveralThreadsComeBackOnAnother() throws Exception {
        PackedTree.Keys keys = new PackedTree.Keys();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<List<PackedTree>>> parts = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    List<PackedTree> out = new ArrayList<>();
                    for (int i = 0; i < 3000; i++) {
                        // values shared by all threads, by some, and one's own
                        out.add(PackedTree.of(YamlText.parse("a: shared-" + (i % 50) + "\nb: t" + thread + "-" + (i % 700)
                                + "\nc: own-" + thread + "-" + i + "\n").asMap(), keys));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 3; t++) {
                List<PackedTree> trees = parts.get(t).get();
                for (int i = 0; i < trees.size(); i++) {
                    MapNode back = trees.get(i).decode();
                    assertEquals("shared-" + (i % 50), back.string("a"));
                    assertEquals("t" + t + "-" + (i % 700), back.string("b"));
                    assertEquals("own-" + t + "-" + i, back.string("c"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Trees written one after the other share slabs: thousands of them (several slabs' worth, trees cut
     * by no slab's end) and one too large for a slab each come back as written, answering lookups too.
     */
    @Test
    void treesWrittenInTurnComeBackWholeAcrossSlabs() throws Exception {
        PackedTree.Keys keys = new PackedTree.Keys();
        List<MapNode> trees = new ArrayList<>();
        List<PackedTree> packed = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            // about 130 bytes each, and now and then one larger than a slab's eighth
            String value = i % 1000 == 999 ? "x".repeat(40_000) : "v" + i + "-".repeat(100);
            MapNode tree = YamlText.parse("metadata:\n  name: n" + i + "\ndata:\n  k: " + value + "\n").asMap();
            trees.add(tree);
            packed.add(PackedTree.of(tree, keys));
        }
        long total = packed.stream().mapToLong(PackedTree::size).sum();
        assertTrue(total > 4 * (256 << 10), "the trees fill several slabs: " + total + " bytes");
        for (int i = 0; i < trees.size(); i++) {
            assertEquals(describe(trees.get(i)), describe(packed.get(i).decode()), "tree " + i);
            assertEquals("n" + i, ((ScalarNode) packed.get(i).at("/metadata/name")).value(), "tree " + i);
        }
    }

    @Test
    void aPackedObjectAnswersLikeTheWholeOne() throws Exception {
        MapNode tree = YamlText.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: site, labels: {app: web}}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: nginx, image: nginx}]
                """).asMap();
        SourceFile file = new SourceFile("deploy.yaml", List.of());
        KubeObject whole = KubeObject.of(file, 0, -1, tree, List.of());
        KubeObject packed = whole.withPacked(PackedTree.of(tree, new PackedTree.Keys()));
        assertTrue(packed.packed());
        Node spec = packed.at("/spec/template/spec");
        assertSame(spec, packed.at("/spec/template/spec"), "a node read by pointer is kept while recent");
        assertEquals(describe(whole.at("/spec/template/spec")), describe(spec));
        assertEquals(null, packed.at("/spec/template/spec/volumes"));
        assertEquals(describe(tree), describe(packed.at("")));
        assertEquals(whole.ref(), packed.ref());
        assertEquals(Map.of("app", "web"), packed.labels());
        assertEquals(whole.positionOf("/spec/template/spec/containers/0/image"),
                packed.positionOf("/spec/template/spec/containers/0/image"));
        assertSame(packed.root(), packed.root(), "decoded once per thread while it stays recent");
        PodTemplate pod = PodTemplate.of(packed);
        assertEquals("nginx", pod.containers().getFirst().name());
        assertEquals(describe(PodTemplate.of(whole).spec()), describe(pod.spec()));
    }

    @Test
    void aPackedObjectWithoutAPodSpecMappingHasTheWholeOnesPod() throws Exception {
        for (String template : List.of("template: {spec: [a]}", "template: {spec: x}", "template: {metadata: {}}",
                "template: 3", "replicas: 1")) {
            MapNode tree = YamlText.parse("kind: Deployment\nmetadata: {name: web}\nspec:\n  " + template + "\n")
                    .asMap();
            KubeObject whole = KubeObject.of(new SourceFile("d.yaml", List.of()), 0, -1, tree, List.of());
            KubeObject packed = whole.withPacked(PackedTree.of(tree, new PackedTree.Keys()));
            PodTemplate a = PodTemplate.of(whole);
            PodTemplate b = PodTemplate.of(packed);
            assertEquals(a == null, b == null, template);
            if (a != null) {
                assertEquals(describe(a.spec()), describe(b.spec()), template);
            }
        }
    }
}
