package io.kgate.check.rules;

import io.kgate.load.LoadResult;
import io.kgate.load.YamlText;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectSources;
import io.kgate.model.SourceFile;
import io.kgate.unit.Kustomization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ConfigMaps and Secrets that the kustomization files of the tree generate
 * ({@code configMapGenerator}, {@code secretGenerator}): pods name them by the generator's name
 * (kustomize appends the hash and rewrites the references). The loader lists kustomization files as
 * inputs of unit detection; they are read again here, and one that cannot be read or parsed produces nothing.
 */
final class KustomizeGenerators {
    private KustomizeGenerators() {
    }

    static List<ObjectSources.Generated> of(LoadResult load) {
        List<ObjectSources.Generated> out = new ArrayList<>();
        for (SourceFile f : load.files()) {
            String file = f.displayName();
            if (!Kustomization.isKustomizationName(file.substring(file.lastIndexOf('/') + 1))) {
                continue;
            }
            MapNode root = read(file);
            if (root == null) {
                continue;
            }
            String namespace = root.string("namespace");
            generators(out, file, root, "configMapGenerator", "ConfigMap", namespace);
            generators(out, file, root, "secretGenerator", "Secret", namespace);
        }
        return out;
    }

    private static MapNode read(String file) {
        try {
            Node n = YamlText.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            return n == null ? null : n.asMap();
        } catch (IOException | InvalidPathException | YamlText.Invalid e) {
            return null; // the loader has said what it could about this file
        }
    }

    private static void generators(List<ObjectSources.Generated> out, String file, MapNode root, String key,
            String kind, String namespace) {
        if (root.seq(key) == null) {
            return;
        }
        for (Node n : root.seq(key).items()) {
            MapNode g = n.asMap();
            if (g == null || g.string("name") == null) {
                continue;
            }
            String ns = g.string("namespace") != null ? g.string("namespace") : namespace;
            out.add(new ObjectSources.Generated(kind, ns, g.string("name"),
                    file + ":" + g.get("name").pos().line(), keys(g)));
        }
    }

    /** The keys a generator makes: literals KEY=value, files [key=]path; null with env files (unknown offline). */
    private static Set<String> keys(MapNode g) {
        if (g.seq("envs") != null || g.string("env") != null) {
            return null;
        }
        Set<String> keys = new TreeSet<>();
        if (g.seq("literals") != null) {
            for (Node l : g.seq("literals").items()) {
                String t = l.text();
                if (t != null && t.indexOf('=') > 0) {
                    keys.add(t.substring(0, t.indexOf('=')));
                }
            }
        }
        if (g.seq("files") != null) {
            for (Node f : g.seq("files").items()) {
                String t = f.text();
                if (t == null) {
                    continue;
                }
                int eq = t.indexOf('=');
                keys.add(eq > 0 ? t.substring(0, eq) : t.substring(t.lastIndexOf('/') + 1));
            }
        }
        return keys;
    }
}
