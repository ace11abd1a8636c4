package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kgate.load.LoadLimits;
import io.kgate.load.Loader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The graph's queries: where pod specs live, which pods a selector selects, across namespaces. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ObjectGraphTest {
    private static final String TREE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: front}}
                spec: {containers: [{name: app, image: web:1}]}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: report}
            spec:
              schedule: "@daily"
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: web, tier: batch}}
                    spec: {containers: [{name: run, image: report:1}], restartPolicy: Never}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: other}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: db, image: db:1}]}
            ---
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: blueprint, namespace: shop}
            template:
              metadata: {labels: {app: web}}
              spec: {containers: [{name: x, image: x:1}]}
            """;

    private static ObjectGraph graph() throws Exception {
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(TREE.getBytes(StandardCharsets.UTF_8)));
        return ObjectGraph.of(load.objects());
    }

    private static List<String> owners(List<PodTemplate> pods) {
        return pods.stream().map(p -> p.owner().ref().display()).toList();
    }

    @Test
    void podSpecOfEachKind() throws Exception {
        assertEquals("/spec/template", PodTemplate.templatePointer("Deployment"));
        assertEquals("/spec/jobTemplate/spec/template", PodTemplate.templatePointer("CronJob"));
        assertEquals("", PodTemplate.templatePointer("Pod"));
        assertEquals("/template", PodTemplate.templatePointer("PodTemplate"));
        assertNull(PodTemplate.templatePointer("Service"));
        ObjectGraph g = graph();
        assertEquals(List.of("/spec/template/spec", "/spec/jobTemplate/spec/template/spec", "/spec/template/spec"),
                g.pods().stream().map(PodTemplate::specPointer).toList(), "a core PodTemplate runs no pods");
        assertEquals(3, g.podOf(g.ofKind("Deployment").get(0)).replicas());
    }

    @Test
    void podsSelectedInCompatibleNamespaces() throws Exception {
        ObjectGraph g = graph();
        LabelSelector web = LabelSelector.equality(java.util.Map.of("app", "web"));
        // the CronJob has no namespace: it may be applied to any, so it is a candidate everywhere
        assertEquals(List.of("Deployment shop/web", "CronJob report"), owners(g.podsSelectedBy("shop", web)));
        assertEquals(List.of("CronJob report", "StatefulSet other/db"), owners(g.podsSelectedBy("other", web)), "tree order");
        assertEquals(List.of("Deployment shop/web", "CronJob report", "StatefulSet other/db"),
                owners(g.podsSelectedBy(null, web)));
        LabelSelector front = LabelSelector.equality(java.util.Map.of("tier", "front"));
        assertEquals(List.of("Deployment shop/web"), owners(g.podsSelectedBy("shop", front)));
        // candidates come from the rarest label, whatever the selector's order; every label is matched
        for (String labels : List.of("{app: web, tier: batch}", "{tier: batch, app: web}")) {
            LabelSelector selector = LabelSelector.of(io.kgate.load.YamlText.parse("{matchLabels: " + labels + "}"));
            assertEquals(List.of("CronJob report"), owners(g.podsSelectedBy("shop", selector)), labels);
        }
        assertEquals(List.of(), owners(g.podsSelectedBy("shop",
                LabelSelector.equality(java.util.Map.of("app", "web", "tier", "none")))));
    }

    @Test
    void servicesWithOneSelectorInTwoNamespacesSelectEachTheirOwnPods() throws Exception {
        String services = """
                ---
                {apiVersion: v1, kind: Service, metadata: {name: a, namespace: shop}, spec: {selector: {app: web}}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: b, namespace: other}, spec: {selector: {app: web}}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: c, namespace: shop}, spec: {selector: {app: web}}}
                """;
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream((TREE + services).getBytes(StandardCharsets.UTF_8)));
        ObjectGraph g = ObjectGraph.of(load.objects());
        List<KubeObject> svc = g.ofKind("Service");
        assertEquals(List.of("Deployment shop/web", "CronJob report"), owners(g.podsSelectedBy(svc.get(0))));
        assertEquals(List.of("CronJob report", "StatefulSet other/db"), owners(g.podsSelectedBy(svc.get(1))));
        assertEquals(owners(g.podsSelectedBy(svc.get(0))), owners(g.podsSelectedBy(svc.get(2))));
    }

    @Test
    void namedLooksInTheNamespaceAndAmongObjectsWithoutOneInTreeOrder() throws Exception {
        String tree = """
                {apiVersion: v1, kind: Service, metadata: {name: api, namespace: b}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: api}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: api, namespace: a}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: web, namespace: a}}
                ---
                {apiVersion: v1, kind: ConfigMap, metadata: {name: api, namespace: a}}
                """;
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(tree.getBytes(StandardCharsets.UTF_8)));
        ObjectGraph g = ObjectGraph.of(load.objects());
        assertEquals(List.of("Service api", "Service a/api"), displays(g.named("Service", "a", "api")));
        assertEquals(List.of("Service b/api", "Service api"), displays(g.named("Service", "b", "api")));
        assertEquals(List.of("Service api"), displays(g.named("Service", "c", "api")));
        assertEquals(List.of("Service b/api", "Service api", "Service a/api"), displays(g.named("Service", null, "api")));
        assertEquals(List.of(), g.named("Service", "a", null));
        assertEquals(List.of("ConfigMap a/api"), displays(g.named("ConfigMap", "a", "api")));
    }

    /**
     * Keys with the same hash ("Aa" and "BB" have the same String hash, so do kinds, namespaces and
     * names built of them) land in one probe chain: each lookup still tells them apart.
     */
    @Test
    void keysWithTheSameHashAreToldApart() throws Exception {
        List<String> words = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        StringBuilder tree = new StringBuilder();
        for (String kind : words) {
            for (String namespace : words) {
                for (String name : words) {
                    tree.append("---\n{apiVersion: v1, kind: ").append(kind).append(", metadata: {name: ").append(name)
                            .append(", namespace: ").append(namespace).append("}}\n");
                }
            }
        }
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)));
        List<KubeObject> all = load.objects();
        ObjectGraph g = ObjectGraph.of(all).indexed();
        for (String kind : words) {
            assertEquals(all.stream().filter(o -> o.kind().equals(kind)).toList(), g.ofKind(kind));
            for (String other : words) {
                assertEquals(all.stream().filter(o -> o.kind().equals(kind) && o.namespace().equals(other)).toList(),
                        g.inNamespace(kind, other), kind + " in " + other);
                assertEquals(all.stream().filter(o -> o.kind().equals(kind) && o.name().equals(other)).toList(),
                        g.named(kind, null, other), kind + " " + other);
                for (String name : words) {
                    assertEquals(all.stream().filter(o -> o.kind().equals(kind) && o.namespace().equals(other)
                            && o.name().equals(name)).toList(), g.named(kind, other, name), kind + " " + other + "/" + name);
                }
            }
        }
    }

    /**
     * A tree larger than one chunk of the graph's reads, with keys shared by many objects and keys of
     * one, some objects without a namespace: every lookup answers what a scan of the tree answers, in
     * tree order.
     */
    @Test
    void lookupsOfALargeTreeAnswerWhatAScanAnswers() throws Exception {
        StringBuilder tree = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String namespace = i % 10 == 0 ? "" : ", namespace: n" + i % 7;
            // every 11th object has no kind: looked up under ""
            tree.append("---\n{apiVersion: v1, ").append(i % 11 == 0 ? "" : i % 3 == 0 ? "kind: ConfigMap, " : "kind: Service, ")
                    .append("metadata: {name: s").append(i % 1000).append(namespace)
                    .append(", labels: {kubernetes.io/service-name: a").append(i % 13).append(", id: i").append(i).append("}}}\n");
        }
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)));
        List<KubeObject> all = load.objects();
        assertEquals(3000, all.size());
        ObjectGraph g = ObjectGraph.of(all).indexed();
        for (String kind : List.of("Service", "ConfigMap")) {
            assertEquals(all.stream().filter(o -> kind.equals(o.kind())).toList(), g.ofKind(kind));
            for (int n = 0; n < 8; n++) {
                String namespace = "n" + n;
                assertEquals(all.stream().filter(o -> kind.equals(o.kind())
                        && (o.namespace() == null || o.namespace().equals(namespace))).toList(),
                        g.inNamespace(kind, namespace), kind + " in " + namespace);
                for (int a = 0; a < 13; a += 4) {
                    String app = "a" + a;
                    assertEquals(all.stream().filter(o -> kind.equals(o.kind())
                            && app.equals(o.labels().get(ObjectGraph.SERVICE_NAME_LABEL))
                            && (o.namespace() == null || o.namespace().equals(namespace))).toList(),
                            g.labelledForService(kind, namespace, app), kind + " " + app + " in " + namespace);
                }
            }
            for (int i = 0; i < 1000; i += 37) {
                String name = "s" + i;
                String namespace = "n" + i % 7;
                assertEquals(all.stream().filter(o -> kind.equals(o.kind()) && o.name().equals(name)
                        && (o.namespace() == null || o.namespace().equals(namespace))).toList(),
                        g.named(kind, namespace, name), kind + " " + name + " in " + namespace);
                assertEquals(all.stream().filter(o -> kind.equals(o.kind()) && (o.name().equals(name)
                        || o.namespace() == null || o.namespace().equals(namespace))).toList(),
                        g.namedAnywhereOrIn(kind, name, namespace), kind + " " + name + " anywhere or in " + namespace);
            }
        }
        assertEquals(all.stream().filter(o -> o.kind() == null || o.kind().isEmpty()).toList(), g.ofKind(""));
        for (int i = 0; i < 1000; i += 37) {
            String name = "s" + i;
            for (String kind : List.of("Service", "ConfigMap")) {
                assertEquals(all.stream().filter(o -> kind.equals(o.kind()) && o.name().equals(name)).toList(),
                        g.named(kind, null, name), kind + " " + name + " in any namespace");
                assertEquals(all.stream().filter(o -> kind.equals(o.kind()) && o.name().equals(name)
                        && o.namespace() == null).toList(), g.named(kind, "", name), kind + " " + name + " without one");
            }
        }
        assertEquals(List.of(), g.named("Secret", "n1", "s1"));
        assertEquals(List.of(), g.named("Secret", null, "s1"));
        assertEquals(List.of(), g.inNamespace("Secret", "n1"));
        assertEquals(List.of(), g.labelledForService("Service", "n1", "none"));
    }

    /**
     * Pods looked up by label, where namespaces, label keys and values all share one String hash (one
     * probe chain) and some pods have no namespace: each selector finds what a scan of the pods finds,
     * in tree order. The pods' lookups hold no keys: a pod is under a key when its labels hold it.
     */
    @Test
    void podsByLabelAreToldApartWhenTheirKeysShareAHash() throws Exception {
        List<String> words = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        StringBuilder tree = new StringBuilder();
        int n = 0;
        for (String namespace : List.of("", "AaAa", "BBBB", "AaBB")) {
            for (String value : words) {
                for (String other : words) {
                    tree.append("---\n{apiVersion: apps/v1, kind: Deployment, metadata: {name: d").append(n++)
                            .append(namespace.isEmpty() ? "" : ", namespace: " + namespace)
                            .append("}, spec: {template: {metadata: {labels: {AaAa: ").append(value).append(", BBBB: ")
                            .append(other).append("}}, spec: {containers: [{name: c, image: i}]}}}}\n");
                }
            }
        }
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)));
        ObjectGraph g = ObjectGraph.of(load.objects()).indexed();
        assertEquals(64, g.pods().size());
        java.util.List<String> namespaces = new java.util.ArrayList<>(words);
        namespaces.add(null);
        namespaces.add("");
        for (String namespace : namespaces) {
            for (String key : words) {
                for (String value : words) {
                    for (java.util.Map<String, String> selector : List.of(java.util.Map.of(key, value),
                            java.util.Map.of(key, value, key.equals("AaAa") ? "BBBB" : "AaAa", "BBAa"))) {
                        List<PodTemplate> scan = g.pods().stream()
                                .filter(p -> ObjectGraph.sameNamespace(namespace == null || namespace.isEmpty() ? null
                                        : namespace, p.owner().namespace()))
                                .filter(p -> p.labels().entrySet().containsAll(selector.entrySet())).toList();
                        assertEquals(scan, g.podsSelectedBy(namespace, LabelSelector.equality(selector)),
                                selector + " in " + namespace);
                    }
                }
            }
        }
    }

    private static List<String> displays(List<KubeObject> objects) {
        return objects.stream().map(o -> o.ref().display()).toList();
    }
}
