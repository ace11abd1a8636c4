package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.load.YamlText;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a retained object keeps is written straight to bytes; the same selection built as nodes (what
 * an object that cannot be packed keeps) is the reference, node by node and position by position.
 */
class RetainedFieldsTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
              annotations: {kgate.io/ignore: "probes", other: x}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  volumes: [{name: cache, emptyDir: {}}]
                  containers:
                    - name: nginx
                      image: nginx:1.27
                      resources: {limits: {memory: 128Mi}}
                      env: [{name: A, value: "1"}]
                    - name: sidecar
                      image: busybox
                  initContainers: [{name: init, image: busybox}]
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "", // identity only
        "/spec/replicas,/spec/selector",
        "/spec/template/spec/", // shape only
        "/spec/template/spec/containers/*/resources,/spec/template/spec/volumes",
        "/spec/template/spec/containers/1", // an item kept, the others placeholders
        "/spec/template/spec/containers/1/name,/spec/template/spec/containers/*/image",
        "Deployment:/spec,Service:/spec/ports",
        "Service:/spec", // nothing of a Deployment
        "/spec/template/spec/initContainers/0/",
        "/nothing/here,/spec/replicas/deeper"})
    void thePackedSelectionIsTheSelectionBuiltAsNodes(String fields) throws Exception {
        MapNode tree = YamlText.parse(DEPLOYMENT).asMap();
        KubeObject o = KubeObject.of(new SourceFile("deploy.yaml", List.of()), 0, -1, tree, List.of());
        RetainedFields retained = RetainedFields.of(fields.isEmpty() ? List.of() : List.of(fields.split(",")));
        KubeObject kept = retained.retain(o);
        assertTrue(kept.packed(), fields);
        assertEquals(PackedTreeTest.describe(retained.pruned(o)), PackedTreeTest.describe(kept.root()), fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/spec/template/spec/containers/1", "/spec/template/spec/containers/*/image"})
    void itemsNotKeptStayAsNullsAtTheirPlace(String field) throws Exception {
        MapNode tree = YamlText.parse(DEPLOYMENT).asMap();
        KubeObject o = KubeObject.of(new SourceFile("deploy.yaml", List.of()), 0, -1, tree, List.of());
        MapNode kept = RetainedFields.of(List.of(field)).retain(o).root();
        SeqNode containers = (SeqNode) kept.at("/spec/template/spec/containers");
        assertEquals(2, containers.size());
        assertEquals(tree.at("/spec/template/spec/containers/1").pos(), containers.get(1).pos());
        assertEquals("busybox", containers.get(1).at("/image").text());
        if (field.endsWith("/1")) {
            assertEquals(null, ((ScalarNode) containers.get(0)).value());
            assertEquals(tree.at("/spec/template/spec/containers/0").pos(), containers.get(0).pos());
        } else {
            assertEquals(List.of("image"), ((MapNode) containers.get(0)).entries().stream().map(MapNode.Entry::key).toList());
        }
        assertEquals(null, kept.at("/spec/replicas"));
        assertEquals("web", kept.at("/metadata/labels/app").text());
    }
}
