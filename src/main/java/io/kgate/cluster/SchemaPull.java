package io.kgate.cluster;

import io.kgate.schema.JsonReader;
import io.kgate.schema.PulledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kgate schemas pull}: reads {@code /version}, the OpenAPI v3 index and every group-version
 * document it lists, and every CustomResourceDefinition, and writes them as sorted, indented JSON under
 * one directory (see {@link PulledSchemas} for the layout). Only API schemas are written: no server
 * address, no credential.
 */
public final class SchemaPull {
    /** "api/v1" and "apis/GROUP/VERSION": the documents that hold kinds (not /version, /logs, openid). */
    private static final Pattern GROUP_VERSION = Pattern.compile("api/v1|apis/[a-z0-9.-]+/v[a-z0-9]+");

    /** What one pull wrote. */
    public record Result(String serverVersion, int documents, int crds) {
    }

    private SchemaPull() {
    }

    @SuppressWarnings("unchecked")
    public static Result pull(Cluster cluster, Path out) {
        prepare(out);
        Map<String, Object> version = (Map<String, Object>) json(cluster.get("/version"), "/version");
        String serverVersion = String.valueOf(version.get("gitVersion"));
        Object index = json(cluster.get("/openapi/v3"), "/openapi/v3");
        Map<String, Object> paths = index instanceof Map<?, ?> m && m.get("paths") instanceof Map<?, ?> p
                ? new TreeMap<>((Map<String, Object>) p) : Map.of();
        List<String> documents = new ArrayList<>();
        for (Map.Entry<String, Object> e : paths.entrySet()) {
            if (!GROUP_VERSION.matcher(e.getKey()).matches()) {
                continue;
            }
            String url = e.getValue() instanceof Map<?, ?> d && d.get("serverRelativeURL") instanceof String u
                    ? u : "/openapi/v3/" + e.getKey();
            String file = PulledSchemas.OPENAPI_DIR + "/" + e.getKey() + ".json";
            write(out.resolve(file), PrettyJson.write(json(cluster.get(url), url)));
            documents.add(file);
        }
        List<String> crds = new ArrayList<>();
        String crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
        Cluster.Response list = cluster.tryGet(crdPath);
        if (list.code() == 200 && json(list.body(), crdPath) instanceof Map<?, ?> l && l.get("items") instanceof List<?> items) {
            for (Object item : items) {
                Map<String, Object> crd = cleanCrd(item);
                if (crd != null) {
                    String file = PulledSchemas.CRD_DIR + "/" + ((Map<String, Object>) crd.get("metadata")).get("name") + ".json";
                    write(out.resolve(file), PrettyJson.write(crd));
                    crds.add(file);
                }
            }
        } else if (list.code() != 404) {
            throw new ClusterException(cluster.server() + crdPath + ": " + list.code() + " "
                    + Cluster.statusMessage(list.body()));
        }
        crds.sort(null);
        StringBuilder idx = new StringBuilder();
        idx.append("# Written by 'kgate schemas pull': the API schemas of one cluster, for offline validation\n")
                .append("# with 'kgate --schemas DIR'. Commit this directory; pull again after a cluster upgrade.\n")
                .append("serverVersion: ").append(quote(serverVersion)).append('\n')
                .append("pulledAt: ").append(quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append('\n')
                .append("documents:").append(documents.isEmpty() ? " []\n" : "\n");
        documents.forEach(d -> idx.append("  - ").append(d).append('\n'));
        idx.append("crds:").append(crds.isEmpty() ? " []\n" : "\n");
        crds.forEach(c -> idx.append("  - ").append(c).append('\n'));
        write(out.resolve(PulledSchemas.INDEX), idx.toString());
        return new Result(serverVersion, documents.size(), crds.size());
    }

    /** A CRD as it was applied: apiVersion, kind, name and spec (no status, managed fields or annotations). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cleanCrd(Object item) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("metadata") instanceof Map<?, ?> meta)
                || !(meta.get("name") instanceof String name) || !name.matches("[a-z0-9.-]+")
                || !(m.get("spec") instanceof Map<?, ?> spec)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "apiextensions.k8s.io/v1");
        out.put("kind", "CustomResourceDefinition");
        out.put("metadata", Map.of("name", name));
        out.put("spec", spec);
        return out;
    }

    /** The directory must be new, empty, or an earlier pull (whose files are replaced, so nothing stale stays). */
    private static void prepare(Path out) {
        try {
            if (Files.isDirectory(out)) {
                boolean empty;
                try (Stream<Path> s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !Files.isRegularFile(out.resolve(PulledSchemas.INDEX))) {
                    throw new IllegalArgumentException(out + " exists and is not a kgate schema directory "
                            + "(no " + PulledSchemas.INDEX + "); choose another directory");
                }
                deleteTree(out.resolve(PulledSchemas.OPENAPI_DIR));
                deleteTree(out.resolve(PulledSchemas.CRD_DIR));
            } else if (Files.exists(out)) {
                throw new IllegalArgumentException(out + " exists and is not a directory");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot prepare " + out + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static Object json(String body, String what) {
        try {
            return JsonReader.parse(body);
        } catch (RuntimeException e) {
            throw new ClusterException(what + ": the server answered with something that is not JSON ("
                    + e.getMessage() + ")");
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        JsonReader.write(s, sb);
        return sb.toString();
    }
}
