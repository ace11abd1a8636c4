package io.kgate.schema.build;

import io.kgate.schema.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Build-time step (exec-maven-plugin, process-classes): turns the Swagger 2 definitions unpacked from
 * {@code io.fabric8:kubernetes-model-validator} into the compact form kgate embeds under
 * {@code kgate/schemas/}: only {@code io.k8s.*} definitions, validation keywords only (no
 * descriptions), kgate's fix-ups, plus the hand-written definitions the jar lacks (CRD, APIService).
 *
 * <p>Output per version: {@code k8s-VERSION.defs} (one "name TAB json" line per definition, parsed
 * lazily at run time) and {@code k8s-VERSION.kinds} ("apiVersion TAB kind TAB definition" lines);
 * {@code index.tsv} lists the versions.
 *
 * <p>Usage: {@code SchemaCompiler OUT_DIR EXTRA_DEFS.yaml VERSION=openshift-generated.json...}
 */
public final class SchemaCompiler {
    /** The keywords kgate's validator reads; everything else (descriptions, defaults, patch hints) is dropped. */
    private static final Set<String> KEEP = Set.of("type", "format", "properties", "additionalProperties",
            "required", "enum", "items", "$ref", "nullable", "pattern", "minimum", "maximum", "minLength",
            "maxLength", "minItems", "maxItems", "oneOf", "anyOf", "allOf", "not", "x-kubernetes-int-or-string",
            "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource");
    private static final String REF_PREFIX = "#/definitions/";

    private SchemaCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: SchemaCompiler OUT_DIR EXTRA_DEFS.yaml VERSION=FILE...");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<String, Object> extra = extraDefinitions(Path.of(args[1]));
        StringBuilder index = new StringBuilder();
        for (int a = 2; a < args.length; a++) {
            String[] vf = args[a].split("=", 2);
            String version = vf[0];
            Path source = Path.of(vf[1]);
            int kinds = compile(version, source, extra, out);
            index.append(version).append('\t').append(kinds).append('\n');
        }
        Files.writeString(out.resolve("index.tsv"), index.toString(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extraDefinitions(Path file) throws IOException {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        return (Map<String, Object>) ((Map<String, Object>) doc).get("definitions");
    }

    @SuppressWarnings("unchecked")
    static int compile(String version, Path source, Map<String, Object> extra, Path out) throws IOException {
        Map<String, Object> all = (Map<String, Object>) ((Map<String, Object>) JsonReader
                .parse(Files.readString(source, StandardCharsets.UTF_8))).get("definitions");
        Map<String, Object> defs = new TreeMap<>();
        Map<String, String> kinds = new TreeMap<>();
        for (Map.Entry<String, Object> e : all.entrySet()) {
            if (!e.getKey().startsWith("io.k8s.")) {
                continue;
            }
            Map<String, Object> def = (Map<String, Object>) e.getValue();
            defs.put(e.getKey(), strip(def, REF_PREFIX));
            String apiVersion = apiVersionOf(e.getKey(), def);
            if (apiVersion != null) {
                String kind = (String) ((Map<String, Object>) def.get("x-fabric8-info")).get("Kind");
                kinds.put(apiVersion + "\t" + kind, e.getKey());
            }
        }
        fixUps(defs);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            Map<String, Object> def = new LinkedHashMap<>((Map<String, Object>) e.getValue());
            Map<String, Object> gvk = (Map<String, Object>) def.remove("x-kgate-gvk");
            defs.put(e.getKey(), strip(def, REF_PREFIX));
            if (gvk != null) {
                String group = (String) gvk.get("group");
                kinds.put(group + "/" + gvk.get("version") + "\t" + gvk.get("kind"), e.getKey());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : defs.entrySet()) {
            sb.append(e.getKey()).append('\t');
            JsonReader.write(e.getValue(), sb);
            sb.append('\n');
        }
        Files.writeString(out.resolve("k8s-" + version + ".defs"), sb.toString(), StandardCharsets.UTF_8);
        StringBuilder kb = new StringBuilder();
        kinds.forEach((k, v) -> kb.append(k).append('\t').append(v).append('\n'));
        Files.writeString(out.resolve("k8s-" + version + ".kinds"), kb.toString(), StandardCharsets.UTF_8);
        return kinds.size();
    }

    /**
     * The apiVersion a top-level definition serves, or null for nested types. fabric8 leaves the group
     * empty for the legacy groups (core, apps, batch, extensions, policy, autoscaling), so those come
     * from the package name.
     */
    @SuppressWarnings("unchecked")
    static String apiVersionOf(String name, Map<String, Object> def) {
        Object info = def.get("x-fabric8-info");
        if (!(info instanceof Map<?, ?> m) || !"object".equals(m.get("Type"))) {
            return null;
        }
        Map<String, Object> props = (Map<String, Object>) def.get("properties");
        if (props == null || !props.containsKey("kind") || !props.containsKey("apiVersion")
                || !name.startsWith("io.k8s.api.")) {
            return null;
        }
        String group = (String) m.get("Group");
        String version = (String) m.get("Version");
        if (group == null || group.isEmpty()) {
            String pkg = name.substring("io.k8s.api.".length()).split("\\.")[0];
            group = pkg.equals("core") ? "" : pkg;
        }
        return group.isEmpty() ? version : group + "/" + version;
    }

    /**
     * The validation keywords of a definition, with {@code $ref}s made plain definition names by dropping
     * {@code refPrefix} (also used at run time for a cluster's OpenAPI v3 documents, see PulledSchemas).
     */
    @SuppressWarnings("unchecked")
    public static Object strip(Object v, String refPrefix) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = (String) e.getKey();
                if (!KEEP.contains(k)) {
                    continue;
                }
                Object val = e.getValue();
                if (k.equals("properties")) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    ((Map<String, Object>) val).forEach((pk, pv) -> props.put(pk, strip(pv, refPrefix)));
                    out.put(k, props);
                } else if (k.equals("$ref")) {
                    String ref = (String) val;
                    out.put(k, ref.startsWith(refPrefix) ? ref.substring(refPrefix.length()) : ref);
                } else if (k.equals("enum") || k.equals("required") || k.equals("type")) {
                    out.put(k, val);
                } else {
                    out.put(k, strip(val, refPrefix));
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(strip(x, refPrefix)));
            return out;
        }
        return v;
    }

    /** What the published definitions get wrong for real manifests, corrected the way kubectl reads them. */
    public static void fixUps(Map<String, Object> defs) {
        defs.put("io.k8s.apimachinery.pkg.util.intstr.IntOrString", Map.of("type", List.of("integer", "string")));
        defs.put("io.k8s.apimachinery.pkg.api.resource.Quantity", Map.of("type", List.of("string", "number")));
        Map<String, Object> freeForm = Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true);
        defs.put("io.k8s.apimachinery.pkg.runtime.RawExtension", freeForm);
        defs.put("io.k8s.apimachinery.pkg.runtime.Object", freeForm);
        defs.put("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1", freeForm);
    }
}
