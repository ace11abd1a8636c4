package io.kgate.unit;

import io.kgate.load.YamlText;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import io.kgate.model.SeqNode;
import io.kgate.model.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A kustomization file ({@code kustomization.yaml}, {@code .yml}, {@code Kustomization}) as far as
 * kgate follows it: the files and directories it references, with positions, and its
 * {@code namespace:}. Nothing is rendered.
 *
 * @param file       where it was read (display name)
 * @param dir        its directory (absolute, normalised)
 * @param namespace  its {@code namespace:}, or null
 * @param refs       every local file or directory reference, in file order
 * @param remote     references kgate does not follow (remote URLs), as written
 */
public record Kustomization(String file, Path dir, String namespace, List<Ref> refs, List<String> remote) {

    /** What a reference is for. */
    public enum Use {
        /** {@code resources}, {@code bases}: objects, or a directory with a kustomization. */
        RESOURCE,
        /** {@code components}: a directory with a kustomization of kind Component. */
        COMPONENT,
        /** Anything else: patches, generator inputs, CRD schemas, plugin configs. Not objects. */
        INPUT
    }

    /** One reference as written: the field it sits in, its text, where, and the path it names. */
    public record Ref(String field, String value, Pos pos, Use use, Path target) {
    }

    public static boolean isKustomizationName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.equals("kustomization.yaml") || n.equals("kustomization.yml") || fileName.equals("Kustomization");
    }

    /** The kustomization in {@code dir} on disk, by the names kustomize tries, or null. */
    static Path fileIn(Path dir) {
        for (String n : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path p = dir.resolve(n);
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads a loaded kustomization file; null when it is not a mapping (the loader reported why). */
    static Kustomization parse(SourceFile source, Path path) {
        Node root;
        try {
            root = YamlText.parse(String.join("\n", source.lines()));
        } catch (YamlText.Invalid e) {
            return null;
        }
        MapNode m = root == null ? null : root.asMap();
        if (m == null) {
            return null;
        }
        Path dir = path.getParent();
        List<Ref> refs = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        Reader r = new Reader(dir, refs, remote);
        r.list(m, "resources", Use.RESOURCE);
        r.list(m, "bases", Use.RESOURCE);
        r.list(m, "components", Use.COMPONENT);
        r.list(m, "crds", Use.INPUT);
        r.list(m, "configurations", Use.INPUT);
        r.list(m, "generators", Use.INPUT);
        r.list(m, "transformers", Use.INPUT);
        r.list(m, "validators", Use.INPUT);
        r.list(m, "patchesStrategicMerge", Use.INPUT);
        r.items(m, "patches", "path");
        r.items(m, "patchesJson6902", "path");
        r.items(m, "replacements", "path");
        r.items(m, "helmCharts", "valuesFile");
        for (String gen : List.of("configMapGenerator", "secretGenerator")) {
            if (m.get(gen) instanceof SeqNode s) {
                for (Node item : s.items()) {
                    if (item instanceof MapNode im) {
                        r.list(im, "files", Use.INPUT, gen + ".files");
                        r.list(im, "envs", Use.INPUT, gen + ".envs");
                        r.single(im, "env", gen + ".env");
                    }
                }
            }
        }
        if (m.get("openapi") instanceof MapNode oa) {
            r.single(oa, "path", "openapi.path");
        }
        String ns = m.string("namespace");
        return new Kustomization(source.displayName(), dir, ns == null || ns.isBlank() ? null : ns, List.copyOf(refs),
                List.copyOf(remote));
    }

    /** Collects references of one kustomization. */
    private record Reader(Path dir, List<Ref> refs, List<String> remote) {
        void list(MapNode m, String key, Use use) {
            list(m, key, use, key);
        }

        void list(MapNode m, String key, Use use, String field) {
            if (m.get(key) instanceof SeqNode s) {
                for (Node n : s.items()) {
                    String v = n.text();
                    if (v != null) {
                        add(field, v, n.pos(), use);
                    }
                }
            }
        }

        void items(MapNode m, String key, String pathKey) {
            if (m.get(key) instanceof SeqNode s) {
                for (Node n : s.items()) {
                    if (n instanceof MapNode im) {
                        single(im, pathKey, key + "." + pathKey);
                    }
                }
            }
        }

        void single(MapNode m, String key, String field) {
            Node n = m.get(key);
            if (n != null && n.text() != null) {
                add(field, n.text(), n.pos(), Use.INPUT);
            }
        }

        private void add(String field, String value, Pos pos, Use use) {
            String v = value.strip();
            if (v.isEmpty() || v.contains("\n")) {
                return; // an inline patch, not a file
            }
            if (isRemote(v)) {
                remote.add(v);
                return;
            }
            // generator files may be written key=path
            String path = field.endsWith(".files") && v.contains("=") ? v.substring(v.indexOf('=') + 1) : v;
            Path target;
            try {
                target = dir.resolve(path).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                target = null;
            }
            refs.add(new Ref(field, v, pos, use, target));
        }
    }

    /** URLs and go-getter style references (github.com/org/repo//path?ref=v1): fetched by kustomize, not by kgate. */
    static boolean isRemote(String v) {
        return v.contains("://") || v.startsWith("git@") || v.startsWith("github.com/") || v.startsWith("gitlab.com/")
                || v.startsWith("bitbucket.org/");
    }
}
