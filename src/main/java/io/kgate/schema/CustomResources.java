package io.kgate.schema;

import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of custom resources, taken from CustomResourceDefinition documents: one per served
 * group/version and kind, from {@code openAPIV3Schema} (apiextensions.k8s.io/v1, and the per-CRD or
 * per-version schema of the old v1beta1 form).
 */
public final class CustomResources {
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private final Map<String, Schema> schemas = new HashMap<>();

    public static boolean isCrd(KubeObject o) {
        return "CustomResourceDefinition".equals(o.kind()) && o.apiVersion() != null
                && o.apiVersion().startsWith("apiextensions.k8s.io/");
    }

    /** Registers what {@code crd} declares; documents too broken to read are skipped (the schema rule reports them). */
    public void register(KubeObject crd) {
        MapNode spec = crd.root().map("spec");
        if (spec == null) {
            return;
        }
        String group = spec.string("group");
        MapNode names = spec.map("names");
        String kind = names == null ? null : names.string("kind");
        if (group == null || kind == null) {
            return;
        }
        Node common = spec.at("/validation/openAPIV3Schema");
        SeqNode versions = spec.seq("versions");
        if (versions != null) {
            for (Node v : versions.items()) {
                MapNode vm = v.asMap();
                if (vm == null || vm.string("name") == null) {
                    continue;
                }
                Node served = vm.get("served");
                if (served instanceof ScalarNode s && Boolean.FALSE.equals(s.value())) {
                    continue;
                }
                Node schema = vm.at("/schema/openAPIV3Schema");
                put(group + "/" + vm.string("name"), kind, schema != null ? schema : common);
            }
        } else if (spec.string("version") != null) {
            put(group + "/" + spec.string("version"), kind, common);
        }
    }

    private void put(String apiVersion, String kind, Node schema) {
        Schema s = schema == null ? Schema.ANY : Schema.parse(plain(schema));
        schemas.put(apiVersion + "\t" + kind, s == Schema.ANY ? s : s.withObjectFields(Schema.ref(OBJECT_META)));
    }

    /** The schema for a custom resource, or null when no CRD declares it. */
    public Schema find(String apiVersion, String kind) {
        return schemas.get(apiVersion + "\t" + kind);
    }

    /** The positioned tree as plain maps, lists and values, the form {@link Schema#parse} reads. */
    public static Object plain(Node n) {
        if (n instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach(e -> out.put(e.key(), plain(e.value())));
            return out;
        }
        if (n instanceof SeqNode s) {
            List<Object> out = new ArrayList<>();
            s.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        return ((ScalarNode) n).value();
    }
}
