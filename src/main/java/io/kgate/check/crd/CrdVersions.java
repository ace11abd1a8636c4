package io.kgate.check.crd;

import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ScalarNode;
import io.kgate.model.SeqNode;
import io.kgate.schema.CustomResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The served versions of the CustomResourceDefinitions of a run (from {@code --crds} first, then the
 * tree, which wins), each with its positioned {@code openAPIV3Schema}, so that findings about a rule
 * point at its line in the CRD.
 */
final class CrdVersions {
    /** One served version: the CRD, its schema node and that node's JSON pointer in the CRD. */
    record Version(KubeObject crd, MapNode schema, String pointer) {
    }

    private final Map<String, Version> byApiVersionAndKind = new HashMap<>();

    CrdVersions(List<KubeObject> extraCrds, List<KubeObject> tree) {
        extraCrds.stream().filter(CustomResources::isCrd).forEach(this::register);
        tree.stream().filter(CustomResources::isCrd).forEach(this::register);
    }

    private void register(KubeObject crd) {
        if (!"apiextensions.k8s.io/v1".equals(crd.apiVersion())) {
            return; // v1beta1 is no longer served; removed-api reports it
        }
        MapNode spec = crd.root().map("spec");
        String group = spec == null ? null : spec.string("group");
        MapNode names = spec == null ? null : spec.map("names");
        String kind = names == null ? null : names.string("kind");
        SeqNode versions = spec == null ? null : spec.seq("versions");
        if (group == null || kind == null || versions == null) {
            return;
        }
        for (int i = 0; i < versions.size(); i++) {
            MapNode v = versions.get(i).asMap();
            if (v == null || v.string("name") == null) {
                continue;
            }
            Node served = v.get("served");
            if (served instanceof ScalarNode s && Boolean.FALSE.equals(s.value())) {
                continue;
            }
            String pointer = "/spec/versions/" + i + "/schema/openAPIV3Schema";
            if (crd.at(pointer) instanceof MapNode schema) {
                byApiVersionAndKind.put(group + "/" + v.string("name") + "\t" + kind, new Version(crd, schema, pointer));
            }
        }
    }

    Version find(String apiVersion, String kind) {
        return byApiVersionAndKind.get(apiVersion + "\t" + kind);
    }

    boolean isEmpty() {
        return byApiVersionAndKind.isEmpty();
    }
}
