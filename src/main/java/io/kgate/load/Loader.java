package io.kgate.load;

import io.kgate.check.Finding;
import io.kgate.check.Severity;
import io.kgate.model.DuplicateKey;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import io.kgate.model.SeqNode;
import io.kgate.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads files and directories into positioned Kubernetes objects. Only reads: it never writes to,
 * renames or locks what it reads. Every problem names the file and the line.
 */
public final class Loader {
    /** Rule ids of the problems found while loading. */
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String FILE_READ = "file-read";
    public static final String OBJECT_IDENTITY = "object-identity";

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules");
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");

    private final LoadLimits limits;
    private final List<SourceFile> files = new ArrayList<>();
    private final List<KubeObject> objects = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Set<Path> seen = new HashSet<>();
    private int documents;

    public Loader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Loads every path in order ("-" is standard input). Directories are walked recursively in
     * sorted order. A path that does not exist is a {@link PathException}.
     */
    public LoadResult load(List<String> paths, InputStream stdin) throws PathException {
        for (String arg : paths) {
            if (arg.equals("-")) {
                try {
                    loadText("-", stdin.readAllBytes());
                } catch (IOException e) {
                    throw new PathException("cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                throw new PathException(Files.isSymbolicLink(p) ? arg + ": broken symbolic link"
                        : arg + ": no such file or directory");
            }
            if (Files.isDirectory(p)) {
                walk(arg, p);
            } else if (!Files.isReadable(p)) {
                throw new PathException(arg + ": permission denied");
            } else {
                loadFile(arg, p);
            }
        }
        return new LoadResult(List.copyOf(files), documents, List.copyOf(objects), List.copyOf(findings),
                List.copyOf(skipped));
    }

    private void walk(String arg, Path root) throws PathException {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String reason = skipReason(dir, root);
                            if (reason != null) {
                                skipped.add(new Skipped(display(arg, root, dir), reason));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isManifestName(file.getFileName().toString())) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String shown = display(arg, root, file);
                            if (e instanceof FileSystemLoopException) {
                                skipped.add(new Skipped(shown, "symbolic link loop: directory already visited"));
                            } else if (isManifestName(file.getFileName().toString())) {
                                findings.add(Finding.onFile(FILE_READ, Severity.ERROR,
                                        "cannot read file: " + describe(e), shown, Pos.START));
                            } else if (!(e instanceof NoSuchFileException)) {
                                skipped.add(new Skipped(shown, "cannot be read: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new PathException(arg + ": " + describe(e));
        }
        found.sort((a, b) -> Paths.compare(root.relativize(a), root.relativize(b)));
        for (Path f : found) {
            loadFile(display(arg, root, f), f);
        }
    }

    private static String skipReason(Path dir, Path root) {
        if (dir.equals(root)) {
            return null;
        }
        String name = dir.getFileName().toString();
        if (SKIPPED_DIRS.contains(name)) {
            return name.equals(".git") ? "git metadata directory" : "node_modules directory (dependencies)";
        }
        if (name.equals("templates") && dir.getParent() != null
                && (Files.exists(dir.getParent().resolve("Chart.yaml")) || Files.exists(dir.getParent().resolve("Chart.yml")))) {
            return "Helm chart templates (Go templates are not YAML); render them with helm template and pipe to kgate -";
        }
        return null;
    }

    static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static String display(String arg, Path root, Path file) {
        Path rel = root.relativize(file);
        if (rel.toString().isEmpty()) {
            return arg;
        }
        String base = arg.endsWith("/") ? arg.substring(0, arg.length() - 1) : arg;
        return base.equals(".") ? rel.toString() : base + "/" + rel;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file (broken symbolic link?)";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void loadFile(String shown, Path p) {
        try {
            Path real = p.toRealPath();
            if (!seen.add(real)) {
                return; // the same file given twice (or reached twice through links) is read once
            }
            long size = Files.size(p);
            if (size > limits.maxFileBytes()) {
                files.add(new SourceFile(shown, List.of()));
                findings.add(Finding.onFile(FILE_READ, Severity.ERROR, String.format(Locale.ROOT,
                        "file is %.1f MiB, larger than the %d MiB limit (--max-file-size)", size / 1048576.0,
                        limits.maxFileBytes() / 1048576), shown, Pos.START));
                return;
            }
            loadText(shown, Files.readAllBytes(p));
        } catch (IOException e) {
            files.add(new SourceFile(shown, List.of()));
            findings.add(Finding.onFile(FILE_READ, Severity.ERROR, "cannot read file: " + describe(e), shown,
                    Pos.START));
        }
    }

    private void loadText(String shown, byte[] bytes) {
        String base = shown.equals("-") ? "-" : Path.of(shown).getFileName().toString();
        if (base.equals("Chart.yaml") || base.equals("Chart.yml")) {
            files.add(new SourceFile(shown, List.of()));
            skipped.add(new Skipped(shown, "Helm chart metadata (Chart.yaml), not a Kubernetes object"));
            return;
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        if (decoded.text() == null) {
            files.add(new SourceFile(shown, List.of()));
            findings.add(Finding.onFile(YAML_SYNTAX, Severity.ERROR, decoded.problem(), shown, decoded.pos()));
            return;
        }
        List<String> lines = decoded.text().lines().toList();
        SourceFile file = new SourceFile(shown, lines);
        files.add(file);
        boolean json = base.toLowerCase(Locale.ROOT).endsWith(".json");
        List<Parsed> parsed = new ArrayList<>();
        for (Chunk c : json ? List.of(new Chunk(JsonText.tabsToSpaces(decoded.text()), 0)) : split(lines)) {
            YamlTreeBuilder.Result r = YamlTreeBuilder.parse(c.text, c.lineOffset, limits);
            for (YamlTreeBuilder.Problem pr : r.problems()) {
                findings.add(Finding.onFile(YAML_SYNTAX, Severity.ERROR, pr.message(), shown, pr.pos()));
            }
            if (r.root() != null || r.failed()) {
                parsed.add(new Parsed(parsed.size(), r));
            }
        }
        documents += parsed.size();
        classify(file, base, parsed);
    }

    private record Chunk(String text, int lineOffset) {
    }

    private record Parsed(int index, YamlTreeBuilder.Result result) {
    }

    /**
     * Splits a YAML stream at its document markers so that a broken document does not hide the
     * others: a "---" or "..." at column 0 always ends a document, even inside a quoted scalar.
     */
    private static List<Chunk> split(List<String> lines) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("---") || line.startsWith("...")) {
                if (DOCUMENT_MARKER.matcher(line).matches()) {
                    chunks.add(new Chunk(cur.toString(), start));
                    cur.setLength(0);
                    start = i;
                    if (line.startsWith("...")) {
                        start = i + 1;
                        continue;
                    }
                }
            }
            cur.append(line).append('\n');
        }
        chunks.add(new Chunk(cur.toString(), start));
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
        if (candidates.isEmpty()) {
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
                        findings.add(Finding.onFile(OBJECT_IDENTITY, Severity.ERROR, m == null
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
                    findings.add(Finding.onFile(OBJECT_IDENTITY, Severity.ERROR,
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
