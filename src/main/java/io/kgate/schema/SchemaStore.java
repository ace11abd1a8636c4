package io.kgate.schema;

import io.kgate.NativeImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API definitions of one embedded Kubernetes version (built by {@code SchemaCompiler} into
 * {@code kgate/schemas/}). The definition texts are read once; each definition is parsed only when a
 * document first needs it, so a run pays for the kinds it meets. Thread-safe.
 */
public final class SchemaStore {
    private static final String DIR = "kgate/schemas/";
    /**
     * The native executable holds every embedded version read: this class is initialized while it is built
     * ({@code --initialize-at-build-time} in application.properties), as the API lifecycle table; reading the
     * default version's definitions was a tenth of checking the bundled example. The JVM reads a version when a
     * run first asks for it.
     */
    /** The embedded versions, oldest first, with how many kinds each knows (three lines). */
    private static final Map<String, Integer> INDEX = readIndex();
    private static final Map<String, SchemaStore> LOADED = new ConcurrentHashMap<>(NativeImage.building() ? readAll() : Map.of());

    private final String version;
    private final Map<String, String> texts;
    /** Definition names by apiVersion, then kind: a lookup per object makes no string. */
    private final Map<String, Map<String, String>> byVersion;
    private final Map<String, Schema> parsed = new ConcurrentHashMap<>();

    private SchemaStore(String version, Map<String, String> texts, Map<String, Map<String, String>> byVersion) {
        this.version = version;
        this.texts = texts;
        this.byVersion = byVersion;
    }

    /** The embedded versions, oldest first, with how many kinds each knows. */
    public static Map<String, Integer> versions() {
        return INDEX;
    }

    private static Map<String, SchemaStore> readAll() {
        Map<String, SchemaStore> stores = new HashMap<>();
        for (String version : versions().keySet()) {
            stores.put(version, load(version));
        }
        return stores;
    }

    private static Map<String, Integer> readIndex() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String line : lines(DIR + "index.tsv")) {
            String[] f = line.split("\t");
            m.put(f[0], Integer.parseInt(f[1]));
        }
        return Collections.unmodifiableMap(m);
    }

    public static String newest() {
        List<String> all = new ArrayList<>(versions().keySet());
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** The store of {@code version} ("1.34"); null when it is not embedded. */
    public static SchemaStore of(String version) {
        if (!versions().containsKey(version)) {
            return null;
        }
        return LOADED.computeIfAbsent(version, SchemaStore::load);
    }

    /**
     * A store of definitions read at run time (a pulled cluster directory, see {@link PulledSchemas}):
     * definition name to compact JSON text, "apiVersion TAB kind" to definition name.
     */
    public static SchemaStore of(String version, Map<String, String> texts, Map<String, String> kinds) {
        Map<String, Map<String, String>> byVersion = new HashMap<>();
        kinds.forEach((key, definition) -> {
            int tab = key.indexOf('\t');
            if (tab >= 0) {
                put(byVersion, key.substring(0, tab), key.substring(tab + 1), definition);
            }
        });
        return new SchemaStore(version, Map.copyOf(texts), byVersion);
    }

    private static void put(Map<String, Map<String, String>> byVersion, String apiVersion, String kind, String definition) {
        byVersion.computeIfAbsent(apiVersion, v -> new HashMap<>()).put(kind, definition);
    }

    private static SchemaStore load(String version) {
        Map<String, String> texts = new HashMap<>(4096);
        for (String line : lines(DIR + "k8s-" + version + ".defs")) {
            int tab = line.indexOf('\t');
            texts.put(line.substring(0, tab), line.substring(tab + 1));
        }
        Map<String, Map<String, String>> byVersion = new HashMap<>();
        for (String line : lines(DIR + "k8s-" + version + ".kinds")) {
            String[] f = line.split("\t");
            put(byVersion, f[0], f[1], f[2]);
        }
        return new SchemaStore(version, texts, byVersion);
    }

    private static List<String> lines(String resource) {
        InputStream in = SchemaStore.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("embedded schema resource missing: " + resource
                    + " (the build compiles it; run the Maven build)");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public String version() {
        return version;
    }

    /** The definition name for apiVersion + kind, or null when this version has no such kind. */
    public String definitionOf(String apiVersion, String kind) {
        Map<String, String> ofVersion = byVersion.get(apiVersion);
        return ofVersion == null ? null : ofVersion.get(kind);
    }

    /** A definition by name, parsed on first use; null when unknown. */
    public Schema definition(String name) {
        Schema s = parsed.get(name);
        if (s != null) {
            return s;
        }
        String text = texts.get(name);
        if (text == null) {
            return null;
        }
        // parsing does not follow $refs, so no recursion into this map while computing
        return parsed.computeIfAbsent(name, n -> Schema.parse(JsonReader.parse(text)));
    }

    public int kindCount() {
        return byVersion.values().stream().mapToInt(Map::size).sum();
    }

    /** The kinds served as {@code apiVersion} ("v1", "apps/v1"), sorted; empty when it is not served. */
    public List<String> kindsOf(String apiVersion) {
        List<String> out = new ArrayList<>(byVersion.getOrDefault(apiVersion, Map.of()).keySet());
        Collections.sort(out);
        return out;
    }

    /** The kinds served in any version of the API group of {@code apiVersion} ("" is the core group), sorted. */
    public List<String> kindsOfGroup(String apiVersion) {
        String group = groupOf(apiVersion);
        Set<String> out = new TreeSet<>();
        byVersion.forEach((version, kinds) -> {
            if (groupOf(version).equals(group)) {
                out.addAll(kinds.keySet());
            }
        });
        return new ArrayList<>(out);
    }

    /** The group of an apiVersion: "apps" for "apps/v1", "" for "v1". */
    public static String groupOf(String apiVersion) {
        int slash = apiVersion.lastIndexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Every apiVersion this version serves for {@code kind} (for "did you mean" hints). */
    public List<String> apiVersionsOf(String kind) {
        List<String> out = new ArrayList<>();
        byVersion.forEach((version, kinds) -> {
            if (kinds.containsKey(kind)) {
                out.add(version);
            }
        });
        Collections.sort(out);
        return out;
    }
}
