package io.kgate.load;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.DuplicateKey;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.SeqNode;
import io.kgate.model.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one file's bytes into documents and objects. Independent of every other file, so files are
 * parsed in parallel; one instance per file.
 */
final class FileParser {
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");

    /** What one file contributed. */
    record FileLoad(SourceFile file, int documents, List<KubeObject> objects, List<Finding> findings,
            List<Skipped> skipped) {
    }

    private final LoadLimits limits;
    private final List<KubeObject> objects = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    FileParser(LoadLimits limits) {
        this.limits = limits;
    }

    /** A file that produced nothing but one problem. */
    static FileLoad failed(String shown, Finding problem) {
        return new FileLoad(new SourceFile(shown, List.of()), 0, List.of(), List.of(problem), List.of());
    }

    FileLoad parse(String shown, byte[] bytes) {
        return parse(shown, bytes, bytes.length);
    }

    /** The file of the first {@code length} bytes of {@code bytes}, which it does not keep. */
    FileLoad parse(String shown, byte[] bytes, int length) {
        // the name as text: a Path may not hold it when the platform encoding is not UTF-8
        String base = shown.substring(shown.lastIndexOf('/') + 1);
        if (base.equals("Chart.yaml") || base.equals("Chart.yml")) {
            return new FileLoad(new SourceFile(shown, List.of()), 0, List.of(), List.of(),
                    List.of(new Skipped(shown, "Helm chart metadata (Chart.yaml), not a Kubernetes object")));
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, length);
        if (decoded.text() == null) {
            return failed(shown, Finding.onFile(Loader.YAML_SYNTAX, Severity.ERROR, decoded.problem(), shown,
                    decoded.pos()));
        }
        bytes = null; // the text holds it now; a 50 MB file should not be held twice while it is parsed
        TextLines lines = TextLines.of(decoded.text());
        // a kustomization keeps its text: unit detection reads it after the file pass
        String lowerBase = base.toLowerCase(Locale.ROOT);
        SourceFile file = lowerBase.equals("kustomization.yaml") || lowerBase.equals("kustomization.yml")
                || base.equals("Kustomization") ? new SourceFile(shown, List.copyOf(lines))
                : lines.keepingComments(shown);
        boolean json = base.toLowerCase(Locale.ROOT).endsWith(".json");
        List<Parsed> parsed = new ArrayList<>();
        String text = json ? JsonText.tabsToSpaces(decoded.text()) : lines.text();
        for (Chunk c : json ? List.of(new Chunk(0, text.length(), 0)) : split(lines)) {
            YamlTreeBuilder.Result r = YamlTreeBuilder.parse(text, c.start, c.end, c.lineOffset, limits);
            for (YamlTreeBuilder.Problem pr : r.problems()) {
                findings.add(Finding.onFile(Loader.YAML_SYNTAX, Severity.ERROR, pr.message(), shown, pr.pos()));
            }
            if (r.root() != null || r.failed()) {
                parsed.add(new Parsed(parsed.size(), r));
            }
        }
        classify(file, base, parsed);
        return new FileLoad(file, parsed.size(), objects, findings, skipped);
    }

    /** One document, text[start, end) of its file, and the number of lines before it. */
    record Chunk(int start, int end, int lineOffset) {
    }

    private record Parsed(int index, YamlTreeBuilder.Result result) {
    }

    /**
     * Splits a YAML stream at its document markers so that a broken document does not hide the
     * others: a "---" or "..." at column 0 always ends a document, even inside a quoted scalar. Each
     * document is a region of the text, read in place: a file is held once, not once per document.
     */
    static List<Chunk> split(TextLines lines) {
        List<Chunk> chunks = new ArrayList<>();
        String text = lines.text();
        Matcher marker = DOCUMENT_MARKER.matcher(text);
        int chunkStart = 0;
        int chunkLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            int pos = lines.start(i);
            if ((text.startsWith("---", pos) || text.startsWith("...", pos))
                    && marker.region(pos, lines.end(i)).matches()) {
                chunks.add(new Chunk(chunkStart, pos, chunkLine));
                boolean endMarker = text.charAt(pos) == '.'; // "..." belongs to neither document
                chunkStart = endMarker ? lines.start(i + 1) : pos;
                chunkLine = endMarker ? i + 1 : i;
            }
        }
        chunks.add(new Chunk(chunkStart, text.length(), chunkLine));
        return chunks;
    }

    /**
     * Decides what each document is: a Kubernetes object, a List of them, or something that is not a
     * manifest at all (then the whole file is listed as skipped, never silently).
     */
    private void classify(SourceFile file, String base, List<Parsed> parsed) {
        String lower = base.toLowerCase(Locale.ROOT);
        boolean kustomizeName = lower.equals("kustomization.yaml") || lower.equals("kustomization.yml")
                || lower.equals("kustomization");
        Set<Integer> candidates = new HashSet<>();
        String notManifest = null;
        for (Parsed p : parsed) {
            Node root = p.result.root();
            if (root == null) {
                continue; // unparsable: already reported
            }
            MapNode m = root.asMap();
            if (m != null && (m.has("apiVersion") || m.has("kind"))) {
                String kind = m.string("kind");
                String apiVersion = m.string("apiVersion");
                if (kustomizeName || (apiVersion != null && apiVersion.startsWith("kustomize.config.k8s.io/"))) {
                    skipped.add(new Skipped(file.displayName(),
                            "kustomize configuration (" + (kind == null ? "Kustomization" : kind)
                                    + "), not a cluster object"));
                    continue;
                }
                candidates.add(p.index);
            } else if (notManifest == null) {
                notManifest = nonManifestReason(lower, root, kustomizeName);
            }
        }
        // a file in a tree may be anything (CI config, Helm values); what is piped in is meant as manifests
        boolean stdin = file.displayName().equals("-");
        if (candidates.isEmpty() && !stdin) {
            if (notManifest != null) {
                skipped.add(new Skipped(file.displayName(), notManifest));
            }
            return;
        }
        for (Parsed p : parsed) {
            Node root = p.result.root();
            if (root == null) {
                continue;
            }
            MapNode m = root.asMap();
            if (!candidates.contains(p.index)) {
                if (m == null || !(m.has("apiVersion") || m.has("kind"))) {
                    if (!kustomizeName) {
                        findings.add(Finding.onFile(Loader.OBJECT_IDENTITY, Severity.ERROR, m == null
                                ? "document is " + article(root.typeName()) + ", not a Kubernetes object"
                                : "document has no apiVersion and no kind: not a Kubernetes object",
                                file.displayName(), root.pos()));
                    }
                }
                continue;
            }
            addObject(file, p.index, m, p.result.duplicateKeys());
        }
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("o") || type.startsWith("i") ? "an " : "a ") + type;
    }

    private static String nonManifestReason(String lowerName, Node root, boolean kustomizeName) {
        if (kustomizeName) {
            return "kustomize configuration, not a cluster object";
        }
        if (lowerName.equals("values.yaml") || lowerName.equals("values.yml") || lowerName.startsWith("values-")
                || lowerName.startsWith("values.")) {
            return "Helm values file (no apiVersion/kind)";
        }
        MapNode m = root.asMap();
        if (lowerName.contains("compose") || (m != null && m.has("services") && !m.has("metadata"))) {
            return "docker-compose file (no apiVersion/kind)";
        }
        return "no apiVersion/kind: not a Kubernetes manifest";
    }

    private void addObject(SourceFile file, int docIndex, MapNode m, List<DuplicateKey> duplicates) {
        String kind = m.string("kind");
        SeqNode items = m.seq("items");
        if (kind != null && kind.endsWith("List") && items != null) {
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String prefix = JsonPointer.child("/items", i);
                MapNode im = item.asMap();
                if (im == null) {
                    findings.add(Finding.onFile(Loader.OBJECT_IDENTITY, Severity.ERROR,
                            kind + " item " + i + " is " + article(item.typeName()) + ", not a Kubernetes object",
                            file.displayName(), item.pos()));
                    continue;
                }
                objects.add(KubeObject.of(file, docIndex, i, im, within(duplicates, prefix)));
            }
            return;
        }
        objects.add(KubeObject.of(file, docIndex, -1, m, duplicates));
    }

    /** The duplicate keys inside a List item, re-rooted at the item. */
    private static List<DuplicateKey> within(List<DuplicateKey> all, String prefix) {
        List<DuplicateKey> out = new ArrayList<>();
        for (DuplicateKey d : all) {
            if (d.pointer().startsWith(prefix + "/")) {
                out.add(new DuplicateKey(d.pointer().substring(prefix.length()), d.pos(), d.firstPos()));
            }
        }
        return out;
    }
}
