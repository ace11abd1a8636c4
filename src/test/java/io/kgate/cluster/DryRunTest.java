package io.kgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kgate.check.rules.RuleDef;
import io.kgate.check.rules.RuleFiles;
import io.kgate.testing.KgateRunner;
import io.kgate.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kgate dry-run} against a real HTTP(S) API server in this JVM: what the server answers to each
 * server-side apply (dryRun=All) becomes a finding at the position of the field it names.
 */
class DryRunTest {
    private static final String APPLY = "?dryRun=All&fieldManager=kgate&force=true";
    private final KgateRunner kgate = KgateRunner.get();

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: ""
                      ports:
                        - containerPort: 80
            """;

    /** Discovery of the core group and apps/v1, as a server answers it. */
    private static MockCluster discovery(MockCluster c) {
        c.server.expect().get().withPath("/api/v1").andReturn(200, Map.of("kind", "APIResourceList", "groupVersion", "v1",
                "resources", List.of(resource("namespaces", "Namespace", false), resource("services", "Service", true),
                        resource("services/status", "Service", true), resource("configmaps", "ConfigMap", true)))).always();
        c.server.expect().get().withPath("/apis/apps/v1").andReturn(200, Map.of("kind", "APIResourceList",
                "groupVersion", "apps/v1", "resources", List.of(resource("deployments", "Deployment", true)))).always();
        return c;
    }

    private static Map<String, Object> resource(String name, String kind, boolean namespaced) {
        return Map.of("name", name, "kind", kind, "namespaced", namespaced, "verbs", List.of("get", "patch"));
    }

    private static Map<String, Object> status(int code, String reason, String message, Map<String, Object> details) {
        return Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "code", code, "reason", reason,
                "message", message, "details", details);
    }

    @Test
    void a422WithCausesIsReportedAtEachFieldOverHttps(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = discovery(MockCluster.start(true))) {
            cluster.server.expect().patch().withPath("/apis/apps/v1/namespaces/shop/deployments/web" + APPLY)
                    .andReturn(422, status(422, "Invalid", "Deployment.apps \"web\" is invalid: ...", Map.of(
                            "name", "web", "group", "apps", "kind", "Deployment", "causes", List.of(
                                    Map.of("reason", "FieldValueRequired", "message", "Required value",
                                            "field", "spec.template.spec.containers[0].image"),
                                    Map.of("reason", "FieldValueInvalid", "message",
                                            "Invalid value: 80: must be no more than 65535",
                                            "field", "spec.template.spec.containers[0].ports[0].containerPort"))))).once();
            Path tree = Files.createDirectories(tmp.resolve("k8s"));
            Files.writeString(tree.resolve("web.yaml"), DEPLOYMENT);
            KgateRunner.Run run = kgate.run("dry-run", "--kubeconfig", cluster.kubeconfig(tmp).toString(), tree.toString());
            assertEquals(1, run.exitCode(), run::toString);
            String file = tree.resolve("web.yaml").toString();
            assertEquals(file + ":16:11: error server-dry-run: spec.template.spec.containers[0].image: Required value "
                    + "(Deployment shop/web)\n"
                    + file + ":18:15: error server-dry-run: spec.template.spec.containers[0].ports[0].containerPort: "
                    + "Invalid value: 80: must be no more than 65535 (Deployment shop/web)\n"
                    + "kgate: 1 file, 1 document, 1 object: 2 errors, 0 warnings, 0 infos\n", run.out());
            RecordedRequest apply = lastPatch(cluster);
            assertEquals("application/apply-patch+yaml", apply.getHeader("Content-Type"));
            assertEquals("Bearer " + MockCluster.TOKEN, apply.getHeader("Authorization"));
            assertTrue(apply.getUtf8Body().startsWith("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\""), apply.getUtf8Body());
            SchemasPullTest.assertNoSecret(tmp.resolve("k8s"), run);
        }
    }

    private static RecordedRequest lastPatch(MockCluster cluster) {
        try {
            RecordedRequest r;
            RecordedRequest patch = null;
            while ((r = cluster.server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
                if (r.getMethod().equals("PATCH")) {
                    patch = r;
                }
            }
            return patch;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAcceptedApplyPassesAndTheOfflineChecksJoinWithWithLint(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = discovery(MockCluster.start(false))) {
            cluster.server.expect().patch().withPath("/apis/apps/v1/namespaces/shop/deployments/web" + APPLY)
                    .andReturn(201, Map.of("kind", "Deployment", "apiVersion", "apps/v1")).always();
            Path tree = Files.createDirectories(tmp.resolve("k8s"));
            Files.writeString(tree.resolve("web.yaml"), DEPLOYMENT.replace("image: \"\"", "image: nginx:latest"));
            Path kubeconfig = cluster.kubeconfig(tmp);
            KgateRunner.Run run = kgate.run("dry-run", "--kubeconfig", kubeconfig.toString(), tree.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("kgate: 1 file, 1 document, 1 object: 0 errors, 0 warnings, 0 infos\n", run.out());
            KgateRunner.Run lint = kgate.run("dry-run", "--with-lint", "--kubeconfig", kubeconfig.toString(), "-o", "json",
                    tree.toString());
            assertEquals(1, lint.exitCode(), lint::toString);
            assertTrue(lint.out().contains("\"rule\": \"image-tag\""), lint::toString);
            assertTrue(lint.out().contains("\"rule\": \"probes\""), lint::toString);
        }
    }

    @Test
    void webhookAndPolicyDenialsAreErrorsAtTheObject(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = discovery(MockCluster.start(false))) {
            cluster.server.expect().patch().withPath("/apis/apps/v1/namespaces/shop/deployments/web" + APPLY)
                    .andReturn(400, status(400, "BadRequest", "admission webhook \"validate.kyverno.svc-fail\" denied the "
                            + "request: require-requests-limits: validation error: CPU and memory resource requests and "
                            + "limits are required", Map.of())).once();
            cluster.server.expect().patch().withPath("/api/v1/namespaces/shop/configmaps/settings" + APPLY)
                    .andReturn(422, status(422, "Invalid", "configmaps \"settings\" is forbidden: "
                            + "ValidatingAdmissionPolicy 'no-debug' with binding 'no-debug-binding' denied request: "
                            + "debug must be off", Map.of("name", "settings", "kind", "configmaps"))).once();
            cluster.server.expect().patch().withPath("/api/v1/namespaces/shop/services/web" + APPLY)
                    .andReturn(500, status(500, "InternalError", "Internal error occurred: failed calling webhook "
                            + "\"inject.example.com\": webhook inject.example.com does not support dry run", Map.of())).once();
            Path tree = Files.createDirectories(tmp.resolve("k8s"));
            Files.writeString(tree.resolve("web.yaml"), DEPLOYMENT.replace("image: \"\"", "image: nginx:1.27") + """
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                    data:
                      debug: "on"
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                      namespace: shop
                    spec:
                      ports: [{port: 80}]
                    """);
            KgateRunner.Run run = kgate.run("dry-run", "--kubeconfig", cluster.kubeconfig(tmp).toString(), tree.toString());
            assertEquals(1, run.exitCode(), run::toString);
            String file = tree.resolve("web.yaml").toString();
            assertTrue(run.out().contains(file + ":1:1: error server-dry-run: admission webhook \"validate.kyverno.svc-fail\" "
                    + "denied the request: require-requests-limits"), run::toString);
            assertTrue(run.out().contains(file + ":20:1: error server-dry-run: configmaps \"settings\" is forbidden: "
                    + "ValidatingAdmissionPolicy 'no-debug'"), run::toString);
            assertTrue(run.out().contains(file + ":28:1: info server-dry-run: not dry-runnable: Internal error occurred: "
                    + "failed calling webhook"), run::toString);
        }
    }

    @Test
    void whatOnlyThisTreeCreatesIsAnInfoNotAnError(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = discovery(MockCluster.start(false))) {
            cluster.server.expect().patch().withPath("/api/v1/namespaces/shop" + APPLY)
                    .andReturn(201, Map.of("kind", "Namespace")).once();
            cluster.server.expect().patch().withPath("/api/v1/namespaces/shop/configmaps/settings" + APPLY)
                    .andReturn(404, status(404, "NotFound", "namespaces \"shop\" not found",
                            Map.of("name", "shop", "kind", "namespaces"))).once();
            cluster.server.expect().patch().withPath("/api/v1/namespaces/other/configmaps/settings" + APPLY)
                    .andReturn(404, status(404, "NotFound", "namespaces \"other\" not found",
                            Map.of("name", "other", "kind", "namespaces"))).once();
            cluster.server.expect().patch().withPath("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com" + APPLY)
                    .andReturn(201, Map.of("kind", "CustomResourceDefinition")).once();
            cluster.server.expect().get().withPath("/apis/apiextensions.k8s.io/v1").andReturn(200, Map.of("kind", "APIResourceList",
                    "resources", List.of(resource("customresourcedefinitions", "CustomResourceDefinition", false)))).always();
            Path tree = Files.createDirectories(tmp.resolve("k8s"));
            Files.writeString(tree.resolve("all.yaml"), """
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata:
                      name: dial
                      namespace: shop
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: other
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                    ---
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata:
                      name: widgets.example.com
                    spec:
                      group: example.com
                      names: {kind: Widget, plural: widgets}
                      scope: Namespaced
                      versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
                    ---
                    apiVersion: traefik.io/v1alpha1
                    kind: IngressRoute
                    metadata:
                      name: web
                    """);
            KgateRunner.Run run = kgate.run("dry-run", "--kubeconfig", cluster.kubeconfig(tmp).toString(), tree.toString());
            assertEquals(1, run.exitCode(), run::toString);
            String f = tree.resolve("all.yaml").toString();
            assertEquals(f + ":1:1: info server-dry-run: not dry-runnable before CustomResourceDefinition widgets.example.com "
                    + "exists: the cluster does not serve example.com/v1 Widget yet (Widget shop/dial)\n"
                    + f + ":11:3: info server-dry-run: not dry-runnable before Namespace shop exists: this tree creates it, "
                    + "and a dry run persists nothing (ConfigMap shop/settings)\n"
                    + f + ":17:3: error server-dry-run: namespace other does not exist in the cluster (ConfigMap other/settings)\n"
                    + f + ":34:1: error server-dry-run: the cluster does not serve traefik.io/v1alpha1 IngressRoute (no matching "
                    + "resource; is its CustomResourceDefinition installed?) (IngressRoute web)\n"
                    + "kgate: 1 file, 6 documents, 6 objects: 2 errors, 0 warnings, 2 infos\n", run.out());
        }
    }

    @Test
    void theRuleFileExamplesAreRefusedAndAcceptedAsDocumented(@TempDir Path tmp) throws IOException {
        RuleDef def = RuleFiles.embedded().rules().stream().filter(d -> d.id().equals(DryRunCheck.RULE)).findFirst().orElseThrow();
        try (MockCluster cluster = discovery(MockCluster.start(false))) {
            // what a 1.34 server answers to the failing example's empty image, and to the passing one
            cluster.server.expect().patch().withPath("/apis/apps/v1/namespaces/default/deployments/web" + APPLY)
                    .andReturn(422, status(422, "Invalid", "Deployment.apps \"web\" is invalid", Map.of("causes", List.of(
                            Map.of("reason", "FieldValueRequired", "message", "Required value",
                                    "field", "spec.template.spec.containers[0].image"))))).once();
            cluster.server.expect().patch().withPath("/apis/apps/v1/namespaces/default/deployments/web" + APPLY)
                    .andReturn(201, Map.of("kind", "Deployment")).once();
            Path kubeconfig = cluster.kubeconfig(tmp);
            Path fail = Files.writeString(tmp.resolve("fail.yaml"), def.failExample());
            KgateRunner.Run failed = kgate.run("dry-run", "--kubeconfig", kubeconfig.toString(), fail.toString());
            assertEquals(1, failed.exitCode(), failed::toString);
            assertTrue(failed.out().contains(":14:11: error server-dry-run: spec.template.spec.containers[0].image: Required value"),
                    failed::toString);
            Path pass = Files.writeString(tmp.resolve("pass.yaml"), def.passExample());
            KgateRunner.Run passed = kgate.run("dry-run", "--kubeconfig", kubeconfig.toString(), pass.toString());
            assertEquals(0, passed.exitCode(), passed::toString);
        }
    }

    @Test
    void unreachableRefusedAndSlowServersExitTwoWithOneLine(@TempDir Path tmp) throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("k8s"));
        Files.writeString(tree.resolve("web.yaml"), DEPLOYMENT);
        String url;
        Path gone;
        try (MockCluster cluster = MockCluster.start(false)) {
            url = cluster.url();
            gone = cluster.kubeconfig(Files.createDirectories(tmp.resolve("gone")));
        }
        KgateRunner.Run unreachable = kgate.run("dry-run", "--kubeconfig", gone.toString(), tree.toString());
        assertEquals(2, unreachable.exitCode(), unreachable::toString);
        assertEquals("", unreachable.out());
        assertTrue(unreachable.err().matches("kgate: " + java.util.regex.Pattern.quote(url) + ": cannot connect: .*\n"),
                unreachable::toString);

        try (MockCluster cluster = MockCluster.start(true)) {
            cluster.server.expect().get().withPath("/apis/apps/v1").andReturn(401, status(401, "Unauthorized", "Unauthorized",
                    Map.of())).always();
            KgateRunner.Run refused = kgate.run("dry-run", "--kubeconfig", cluster.kubeconfig(tmp).toString(), tree.toString());
            assertEquals(2, refused.exitCode(), refused::toString);
            assertEquals("kgate: " + cluster.url() + ": 401 Unauthorized: the credentials in the kubeconfig were refused\n",
                    refused.err());
        }

        try (MockCluster cluster = MockCluster.start(false)) {
            cluster.server.expect().get().delay(5, TimeUnit.SECONDS).withPath("/apis/apps/v1").andReturn(200, Map.of()).always();
            KgateRunner.Run slow = kgate.run("dry-run", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    "--request-timeout", "1s", tree.toString());
            assertEquals(2, slow.exitCode(), slow::toString);
            assertEquals("kgate: " + cluster.url() + ": no answer within 1 s (--request-timeout)\n", slow.err());
        }
    }
}
