package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import io.kgate.testing.GeneratedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The block-YAML reader builds exactly the tree snakeyaml-engine builds (values, quoting, positions of
 * nodes and keys, duplicate keys), or leaves the document to it: on every file of the test trees, the
 * corpora of ../shared and the generated 10,000-document tree, and on snippets of the constructs it
 * reads and of those it must leave alone. It must also read what manifests are made of: most
 * documents of the corpora go through it, or its speed would silently be lost.
 */
@Tag("in-process")
class BlockYamlParityTest {

    /** Documents the block reader reads; each must give snakeyaml-engine's tree. */
    static Stream<String> readBlockStyle() {
        return Stream.of(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n",
                "---\napiVersion: v1\nkind: List\nitems:\n- kind: A\n  metadata: {}\n- kind: B\n",
                "--- # a comment\n# another\na: 1\n\n\nb: 2 # trailing\n",
                "spec:\n  containers:\n  - name: web\n    image: nginx:1.25\n    args: [\"-c\", '/etc/x', plain, 3]\n"
                        + "    ports:\n    - containerPort: 80\n      protocol: TCP\n  volumes: []\n",
                "a:\nb: ~\nc: null\nd: true\ne: 0x1F\nf: 1.5e3\ng: \"quoted: yes\"\nh: 'it''s'\ni: yes\nj: 010\n",
                "k:\n  - a\n  -\n  - b\n",
                "k:\n-\n  x: 1\n- y\n",
                "\"quoted key\": 1\n'single': 2\nurl: http://example.com:8080/x#y\nc: a#b\n",
                "d: \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\x41 \\/ \\n\"\n",
                "script: |\n  echo a\n    indented\n\n  echo b\n\n\nnext: 1\n",
                "script: |-\n  one\n  two\nafter: x\n",
                "text: >\n  folded\n  lines\n\n  new paragraph\nafter: x\n",
                "text: >-\n  folded\n  lines\nafter: x\n",
                "- |\n  in a sequence\n- >\n  folded\n  here\n",
                "a:\n  b:\n    c:\n      d: deep\n  e: back\n",
                "dup: 1\ndup: 2\nm:\n  x: 1\n  x: 2\n",
                "labels:\n  app.kubernetes.io/name: web\n  \"quoted/key\": v\n",
                "empty-map: {}\nempty-seq: []\nspaced: [ a , b ]\n",
                "k: value with spaces   \nk2: -dash-start\n",
                "# only comments\n",
                "---\n",
                "",
                "  indented: root\n  second: 2\n",
                "a: 'x' # c\nb: \"y\"   # c\n",
                "x: |\n\n  leading blank\n",
                "é: ünïcödé\n");
    }

    /** Documents the block reader must leave to snakeyaml-engine (it would read them differently or not at all). */
    static Stream<String> leftToSnakeyaml() {
        return Stream.of(
                "a: &x 1\nb: *x\n",
                "a: !!str 1\n",
                "a: multi\n  line plain\n",
                "a: \"multi\n  line quoted\"\n",
                "a: {b: 1}\n",
                "a: [[1]]\n",
                "a: [1,\n 2]\n",
                "a:\tb\n",
                "a: b\r\nc: d\r\n",
                "? complex\n: key\n",
                "%YAML 1.2\n---\na: 1\n",
                "a: b: c\n",
                "a: |+\n  keep\n\n",
                "a: |2\n   indicator\n",
                "just a scalar\n",
                "a: 1\n b: 2\n",
                "a: >\n  folded\n    more indented\n",
                "a: |\n  no final newline",
                "a: [x,]\n",
                "a: 😀\n",
                "- - a\n",
                "a: \"\\e escape\"\n");
    }

    @ParameterizedTest
    @MethodSource("readBlockStyle")
    void readsWhatManifestsAreMadeOf(String yaml) {
        YamlTreeBuilder.Result block = BlockYaml.read(yaml, 0, LoadLimits.DEFAULT);
        assertNotNull(block, () -> "left to snakeyaml-engine:\n" + yaml);
        assertSame(YamlTreeBuilder.parseFully(yaml, 0, LoadLimits.DEFAULT), block, "snippet:\n" + yaml);
    }

    @ParameterizedTest
    @MethodSource("leftToSnakeyaml")
    void leavesTheRestToSnakeyaml(String yaml) {
        assertNull(BlockYaml.read(yaml, 0, LoadLimits.DEFAULT), () -> "read by the block reader:\n" + yaml);
    }

    @Test
    void positionsCountTheLinesBeforeTheDocument() {
        String yaml = "---\na:\n  b: [x]\n";
        assertSame(YamlTreeBuilder.parseFully(yaml, 41, LoadLimits.DEFAULT), BlockYaml.read(yaml, 41, LoadLimits.DEFAULT),
                yaml);
    }

    /**
     * The reader scans a copy of its document, index 0 being the document's start in the file: short
     * and long documents (longer than the reused copy), first in their file or far into it, read the
     * same tree as snakeyaml-engine, each with its own values and positions.
     */
    @Test
    void documentsOfAnyLengthAnywhereInTheirFileAreReadInPlace() throws IOException {
        List<String> documents = new ArrayList<>();
        for (int values : new int[] {1, 3_000, 5_000, 12_000}) { // about 30 B to 300 KB; the copy kept is 64 Ki chars
            StringBuilder d = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + values
                    + "\ndata:\n");
            for (int i = 0; i < values; i++) {
                d.append("  key-").append(i).append(": 'value ").append(values - i).append("'\n");
            }
            documents.add(d.toString());
        }
        StringBuilder file = new StringBuilder();
        for (String first : documents) { // each document first, then every other after it
            file.append("---\n").append(first);
            for (String d : documents) {
                file.append("---\n# comment\n").append(d);
            }
        }
        String text = file.toString();
        int read = 0;
        for (FileParser.Chunk c : FileParser.split(TextLines.of(text))) {
            YamlTreeBuilder.Result block = BlockYaml.read(text, c.start(), c.end(), c.lineOffset(), LoadLimits.DEFAULT);
            assertNotNull(block, "document at line " + (c.lineOffset() + 1) + " left to snakeyaml-engine");
            assertSame(YamlTreeBuilder.parseFully(text.substring(c.start(), c.end()), c.lineOffset(), LoadLimits.DEFAULT),
                    block, "document at line " + (c.lineOffset() + 1));
            read++;
        }
        assertEquals(1 + documents.size() * (documents.size() + 1), read, "the empty stream before the first marker, then each document");
    }

    @Test
    void nestingBeyondItsDepthGoesToSnakeyaml() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        deep.append("  ".repeat(60)).append("leaf: 1\n");
        assertNull(BlockYaml.read(deep.toString(), 0, LoadLimits.DEFAULT));
    }

    /**
     * Each double-quoted value was searched for a backslash to the end of the document: a ConfigMap of
     * 400,000 quoted values (10 MB) took a minute. Now to its closing quote: about a second.
     */
    @Test
    void manyDoubleQuotedValuesAreReadInTimeLinearInTheirNumber() {
        StringBuilder cm = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many\ndata:\n");
        for (int i = 0; i < 400_000; i++) {
            cm.append("  k").append(i).append(": \"value-").append(i).append("\"\n");
        }
        YamlTreeBuilder.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> BlockYaml.read(cm.toString(), 0, LoadLimits.DEFAULT));
        assertNotNull(r, "read by the block reader");
        assertEquals("value-399999", r.root().at("/data/k399999").text());
    }

    @Test
    void testTreesAndCorpora() throws IOException {
        List<Path> files = new ArrayList<>(manifests(Path.of("testdata")));
        files.addAll(manifests(Path.of("rules")));
        Path shared = Path.of("../shared/corpora");
        if (Files.isDirectory(shared)) {
            files.addAll(manifests(shared));
        }
        int[] counts = compareAll(files);
        // the fixtures are full of deliberately odd YAML; still, most documents are plain manifests
        assertTrue(counts[0] * 2 > counts[1], "block reader read " + counts[0] + " of " + counts[1] + " documents");
    }

    @Test
    void generatedTree() throws Exception {
        int[] counts = compareAll(manifests(GeneratedCorpus.tenThousandDocuments()));
        assertTrue(counts[0] * 10 >= counts[1] * 9, "block reader read " + counts[0] + " of " + counts[1] + " documents");
    }

    /** {read by the block reader, all documents}, asserting parity on each document it read. */
    private static int[] compareAll(List<Path> files) throws IOException {
        int read = 0;
        int all = 0;
        for (Path f : files) {
            TextDecoder.Decoded d = TextDecoder.decode(Files.readAllBytes(f));
            if (d.text() == null) {
                continue;
            }
            for (FileParser.Chunk c : FileParser.split(TextLines.of(d.text()))) {
                all++;
                // the block reader reads the document in place in the file's text, snakeyaml-engine a copy of it
                YamlTreeBuilder.Result block = BlockYaml.read(d.text(), c.start(), c.end(), c.lineOffset(),
                        LoadLimits.DEFAULT);
                if (block != null) {
                    read++;
                    String document = d.text().substring(c.start(), c.end());
                    assertSame(YamlTreeBuilder.parseFully(document, c.lineOffset(), LoadLimits.DEFAULT), block,
                            f + " (document at line " + (c.lineOffset() + 1) + ")");
                }
            }
        }
        System.out.printf("block reader: %d of %d documents%n", read, all);
        return new int[] {read, all};
    }

    private static List<Path> manifests(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
    }

    private static void assertSame(YamlTreeBuilder.Result expected, YamlTreeBuilder.Result actual, String where) {
        assertEquals(expected.problems(), actual.problems(), where + ": problems");
        assertEquals(expected.duplicateKeys(), actual.duplicateKeys(), where + ": duplicate keys");
        assertEquals(describe(expected.root()), describe(actual.root()), where);
    }

    /** The whole tree as text: every value, how it was written, and every position. */
    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder();
        describe(n, sb, "");
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb, String indent) {
        if (n == null) {
            sb.append("(none)\n");
            return;
        }
        switch (n) {
            case ScalarNode s -> sb.append(indent).append(s.pos()).append(' ')
                    .append(s.value() == null ? "null" : s.value().getClass().getSimpleName() + ":" + s.value())
                    .append(" raw=").append(s.raw()).append(s.quoted() ? " quoted" : "").append(" w=").append(s.weight())
                    .append('\n');
            case SeqNode q -> {
                sb.append(indent).append(q.pos()).append(" [ w=").append(q.weight()).append('\n');
                for (Node i : q.items()) {
                    describe(i, sb, indent + "  ");
                }
                sb.append(indent).append("]\n");
            }
            case MapNode m -> {
                sb.append(indent).append(m.pos()).append(" { w=").append(m.weight()).append('\n');
                Iterator<MapNode.Entry> it = m.entries().iterator();
                while (it.hasNext()) {
                    MapNode.Entry e = it.next();
                    sb.append(indent).append("  ").append(e.keyPos()).append(' ').append(e.key()).append(":\n");
                    describe(e.value(), sb, indent + "    ");
                }
                sb.append(indent).append("}\n");
            }
        }
    }
}
