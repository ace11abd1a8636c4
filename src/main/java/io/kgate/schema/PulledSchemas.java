package io.kgate.schema;

import io.kgate.schema.build.SchemaCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A directory written by {@code kgate schemas pull}: the cluster's OpenAPI v3 documents (one per
 * group-version, under {@code openapi/v3/}), its CustomResourceDefinitions (under {@code crds/}) and
 * {@code index.yaml} with the server version. Converts the OpenAPI v3 {@code components/schemas} into
 * the definitions kgate's validator reads, the same way the build compiles the embedded versions.
 */
public final class PulledSchemas {
    public static final String INDEX = "index.yaml";
    public static final String OPENAPI_DIR = "openapi/v3";
    public static final String CRD_DIR = "crds";
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final Pattern SERVER_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

    private final Path dir;
    private final String serverVersion;
    private final String pulledAt;
    private final SchemaStore store;

    private PulledSchemas(Path dir, String serverVersion, String pulledAt, SchemaStore store) {
        this.dir = dir;
        this.serverVersion = serverVersion;
        this.pulledAt = pulledAt;
        this.store = store;
    }

    /** Reads {@code dir}; a missing or broken directory is an {@link IllegalArgumentException} naming the file. */
    public static PulledSchemas read(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException(dir + " is not a pulled schema directory (no " + INDEX
                    + "; write one with 'kgate schemas pull')");
        }
        Map<?, ?> idx;
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(
                    Files.readString(index, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?> m) || !(m.get("serverVersion") instanceof String)) {
                throw new IllegalArgumentException(index + ": serverVersion missing");
            }
            idx = m;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(e instanceof IllegalArgumentException ? e.getMessage()
                    : index + ": " + e.getMessage());
        }
        String server = (String) idx.get("serverVersion");
        if (kubernetesVersionOf(server) == null) {
            throw new IllegalArgumentException(index + ": serverVersion '" + server + "' is not a Kubernetes version");
        }
        Map<String, Object> defs = new TreeMap<>();
        Map<String, String> kinds = new TreeMap<>();
        for (Path doc : documents(dir)) {
            try {
                convert(JsonReader.parse(Files.readString(doc, StandardCharsets.UTF_8)), defs, kinds);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(doc + ": " + e.getMessage());
            }
        }
        SchemaCompiler.fixUps(defs);
        Map<String, String> texts = new HashMap<>(defs.size() * 2);
        defs.forEach((name, def) -> {
            StringBuilder sb = new StringBuilder();
            JsonReader.write(def, sb);
            texts.put(name, sb.toString());
        });
        Object at = idx.get("pulledAt");
        return new PulledSchemas(dir, server, at == null ? "" : String.valueOf(at),
                SchemaStore.of(kubernetesVersionOf(server), texts, kinds));
    }

    /** "v1.34.1+k3s1" is Kubernetes "1.34"; null when the text is no version. */
    public static String kubernetesVersionOf(String serverVersion) {
        Matcher m = SERVER_VERSION.matcher(serverVersion.trim());
        return m.matches() ? Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2)) : null;
    }

    private static List<Path> documents(Path dir) {
        Path root = dir.resolve(OPENAPI_DIR);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(root + ": " + e.getMessage());
        }
    }

    /** The CRD files of the directory, sorted (read with the manifest loader by the caller). */
    public List<String> crdFiles() {
        Path crds = dir.resolve(CRD_DIR);
        if (!Files.isDirectory(crds)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(crds)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(crds + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static void convert(Object document, Map<String, Object> defs, Map<String, String> kinds) {
        if (!(document instanceof Map<?, ?> doc) || !(doc.get("components") instanceof Map<?, ?> components)
                || !(components.get("schemas") instanceof Map<?, ?> schemas)) {
            return;
        }
        for (Map.Entry<?, ?> e : schemas.entrySet()) {
            String name = (String) e.getKey();
            if (!(e.getValue() instanceof Map<?, ?> def) || defs.containsKey(name)) {
                continue;
            }
            defs.put(name, unwrapRefs(SchemaCompiler.strip(def, REF_PREFIX)));
            if (def.get("x-kubernetes-group-version-kind") instanceof List<?> gvks && gvks.size() == 1
                    && gvks.get(0) instanceof Map<?, ?> gvk && def.get("properties") instanceof Map<?, ?> props
                    && props.containsKey("kind")) {
                String group = String.valueOf(gvk.get("group"));
                String apiVersion = group.isEmpty() ? String.valueOf(gvk.get("version")) : group + "/" + gvk.get("version");
                kinds.put(apiVersion + "\t" + gvk.get("kind"), name);
            }
        }
    }

    /** The server wraps references to carry a default: {@code allOf: [{$ref: X}]} alone means X. */
    @SuppressWarnings("unchecked")
    private static Object unwrapRefs(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, unwrapRefs(x)));
            if (out.size() == 1 && out.get("allOf") instanceof List<?> all && all.size() == 1
                    && all.get(0) instanceof Map<?, ?> only && only.size() == 1 && only.containsKey("$ref")) {
                return only;
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(unwrapRefs(x)));
            return out;
        }
        return v;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public String pulledAt() {
        return pulledAt;
    }

    /** The Kubernetes version the server runs ("1.34"). */
    public String kubernetesVersion() {
        return store.version();
    }

    public SchemaStore store() {
        return store;
    }

    public Path dir() {
        return dir;
    }
}
