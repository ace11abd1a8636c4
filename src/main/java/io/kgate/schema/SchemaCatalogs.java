package io.kgate.schema;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * kubeconform-style schema catalogs ({@code --schema-location TEMPLATE}): local directories of JSON
 * schemas, one file per kind, found through kubeconform's template variables. They serve only kinds no
 * other source knows, and are validated with networknt json-schema-validator: the draft named by
 * {@code $schema}, draft-04 when it is absent or unknown; nothing is ever fetched.
 */
public final class SchemaCatalogs {
    /** What kubeconform appends to a location that names a directory rather than a file template. */
    static final String DIRECTORY_LAYOUT =
            "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{-?\\s*\\.(\\w+)\\s*-?}}");
    private static final List<String> VARIABLES = List.of("NormalizedKubernetesVersion", "StrictSuffix", "ResourceKind",
            "ResourceAPIVersion", "Group", "KindSuffix");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> templates;
    private final String kubernetesVersion;
    private final boolean strict;
    /** Schema file path to its compiled schema (or the error reading it). */
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    private record Loaded(com.networknt.schema.Schema schema, String error) {
    }

    /** The result for one object: the file that served it and what it found. */
    public record Verdict(Path file, List<Violation> violations) {
    }

    private SchemaCatalogs(List<String> templates, String kubernetesVersion, boolean strict) {
        this.templates = templates;
        this.kubernetesVersion = kubernetesVersion;
        this.strict = strict;
    }

    /**
     * The catalogs at {@code locations}; "default" (kubeconform's public catalog) is the embedded schemas
     * and adds nothing. A URL or an unknown template variable is an {@link IllegalArgumentException}.
     */
    public static SchemaCatalogs of(List<String> locations, String kubernetesVersion, boolean strict) {
        List<String> templates = new ArrayList<>();
        for (String raw : locations) {
            String location = raw.trim();
            if (location.equals("default") || location.isEmpty()) {
                continue;
            }
            if (location.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
                throw new IllegalArgumentException("--schema-location " + location + ": kgate is offline and never "
                        + "downloads schemas; download the catalog (git clone, curl) and give its local path");
            }
            if (!location.endsWith("json")) {
                location = location.replaceAll("/+$", "") + DIRECTORY_LAYOUT;
            }
            Matcher m = VARIABLE.matcher(location);
            while (m.find()) {
                if (!VARIABLES.contains(m.group(1))) {
                    throw new IllegalArgumentException("--schema-location " + raw + ": unknown template variable ."
                            + m.group(1) + " (known: ." + String.join(", .", VARIABLES) + ")");
                }
            }
            templates.add(location);
        }
        return templates.isEmpty() ? null : new SchemaCatalogs(List.copyOf(templates), kubernetesVersion, strict);
    }

    /** The first catalog file for {@code o}'s kind and what validating {@code o} against it finds; null: no catalog has one. */
    public Verdict validate(KubeObject o) {
        for (String t : templates) {
            Path file = Path.of(expand(t, o.apiVersion(), o.kind()));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Loaded schema = loaded.computeIfAbsent(file, SchemaCatalogs::load);
            if (schema.error() != null) {
                return new Verdict(file, List.of(new Violation("", "cannot use schema " + file + ": " + schema.error())));
            }
            JsonNode instance = JSON.valueToTree(CustomResources.plain(o.root()));
            List<Error> errors;
            try {
                errors = schema.schema().validate(instance);
            } catch (RuntimeException e) {
                // a reference that is not in the file (remote ones are never fetched) and the like
                return new Verdict(file, List.of(new Violation("", "cannot use schema " + file + ": " + firstLine(e))));
            }
            List<Violation> out = new ArrayList<>();
            for (Error e : errors) {
                String ptr = pointer(e.getInstanceLocation());
                if (e.getProperty() != null && ("required".equals(e.getKeyword())
                        || "additionalProperties".equals(e.getKeyword()))) {
                    ptr = JsonPointer.child(ptr, e.getProperty());
                    if ("required".equals(e.getKeyword())) {
                        // reported where the missing field belongs, like the embedded validator does
                        out.add(new Violation(ptr, where(JsonPointer.parent(ptr)) + e.getMessage()));
                        continue;
                    }
                }
                out.add(new Violation(ptr, where(ptr) + e.getMessage()));
            }
            return new Verdict(file, out);
        }
        return null;
    }

    /** kubeconform's template variables for apiVersion and kind. */
    String expand(String template, String apiVersion, String kind) {
        String[] groupParts = apiVersion.split("/", 2);
        String[] versionParts = groupParts[0].split("\\.");
        String kindSuffix = "-" + versionParts[0].toLowerCase(Locale.ROOT);
        if (groupParts.length > 1) {
            kindSuffix += "-" + groupParts[1].toLowerCase(Locale.ROOT);
        }
        String normalized = "v" + kubernetesVersion + (kubernetesVersion.split("\\.").length == 2 ? ".0" : "");
        Map<String, String> values = Map.of("NormalizedKubernetesVersion", normalized,
                "StrictSuffix", strict ? "-strict" : "",
                "ResourceKind", kind.toLowerCase(Locale.ROOT),
                "ResourceAPIVersion", groupParts[groupParts.length - 1],
                "Group", groupParts[0],
                "KindSuffix", kindSuffix);
        Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Loaded load(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            Optional<SpecificationVersion> draft = SpecificationVersion.fromSchemaNode(node);
            if (draft.isEmpty() && node instanceof ObjectNode obj) {
                obj.remove("$schema"); // "http://json-schema.org/schema#" and other unknown dialects: draft-04, never fetched
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft.orElse(SpecificationVersion.DRAFT_4),
                    b -> b.schemaLoader(l -> l.fetchRemoteResources(false))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));
            return new Loaded(registry.getSchema(SchemaLocation.of(file.toUri().toString()), node), null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(null, firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static String pointer(NodePath path) {
        String ptr = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            ptr = el instanceof Integer n ? JsonPointer.child(ptr, n) : JsonPointer.child(ptr, String.valueOf(el));
        }
        return ptr;
    }

    private static String where(String ptr) {
        return ptr.isEmpty() ? "" : JsonPointer.toDotted(ptr) + ": ";
    }
}
