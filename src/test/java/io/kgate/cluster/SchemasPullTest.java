package io.kgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import io.kgate.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kgate schemas pull} against a real HTTP(S) API server, and {@code --schemas} with what it wrote. */
class SchemasPullTest {
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void pullsEveryGroupVersionAndCrdOverHttpsWithTheKubeconfigCa(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = MockCluster.start(true).servingApi(List.of("bitnami.com_sealedsecrets.yaml"))) {
            Path out = tmp.resolve("schemas");
            KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    out.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("kgate: pulled Kubernetes v1.34.1+k3s1 into " + out + ": " + MockCluster.documents().size()
                    + " OpenAPI documents, 1 CustomResourceDefinitions\n", run.out());
            String index = Files.readString(out.resolve("index.yaml"));
            assertTrue(index.contains("serverVersion: \"v1.34.1+k3s1\"\n"), index);
            assertTrue(index.matches("(?s).*pulledAt: \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"\n.*"), index);
            assertTrue(index.contains("  - openapi/v3/apis/apps/v1.json\n"), index);
            assertTrue(index.contains("crds:\n  - crds/sealedsecrets.bitnami.com.json\n"), index);
            assertFalse(Files.exists(out.resolve("openapi/v3/version.json")), "only group-version documents");
            String apps = Files.readString(out.resolve("openapi/v3/apis/apps/v1.json"));
            assertTrue(apps.startsWith("{\n  \"components\": {\n    \"schemas\": {\n"), "sorted, indented: " + apps.substring(0, 80));
            var crd = new tools.jackson.databind.ObjectMapper().readTree(out.resolve("crds/sealedsecrets.bitnami.com.json").toFile());
            assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), List.copyOf(crd.propertyNames()),
                    "only what was applied, no status");
            assertEquals("{\"name\":\"sealedsecrets.bitnami.com\"}", crd.get("metadata").toString(),
                    "no managed fields, uid or last-applied annotation");
            assertNoSecret(out, run);
        }
    }

    @Test
    void aSecondPullWritesTheSameBytesExceptTheTime(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = MockCluster.start(false).servingApi(List.of("bitnami.com_sealedsecrets.yaml"))) {
            Path kubeconfig = cluster.kubeconfig(tmp);
            Path a = tmp.resolve("a");
            Path b = tmp.resolve("b");
            assertEquals(0, kgate.run("schemas", "pull", "--kubeconfig", kubeconfig.toString(), a.toString()).exitCode());
            Files.createDirectories(b.resolve("crds"));
            Files.writeString(b.resolve("index.yaml"), "serverVersion: old\n");
            Files.writeString(b.resolve("crds/stale.example.com.json"), "{}");
            assertEquals(0, kgate.run("schemas", "pull", "--kubeconfig", kubeconfig.toString(), b.toString()).exitCode());
            assertEquals(listing(a), listing(b), "an earlier pull's files are replaced, stale ones removed");
            for (String f : listing(a)) {
                String x = Files.readString(a.resolve(f)).replaceAll("pulledAt: .*", "");
                String y = Files.readString(b.resolve(f)).replaceAll("pulledAt: .*", "");
                assertEquals(x, y, f);
            }
        }
    }

    @Test
    void refusesToWriteIntoADirectoryThatIsNotAPull(@TempDir Path tmp) throws IOException {
        try (MockCluster cluster = MockCluster.start(false).servingApi(List.of())) {
            Files.writeString(tmp.resolve("keep.txt"), "mine");
            KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(), tmp.toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("exists and is not a kgate schema directory"), run::toString);
            assertEquals("mine", Files.readString(tmp.resolve("keep.txt")));
        }
    }

    @Test
    void validatesBuiltInKindsAndPulledCrdsOffline(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("schemas");
        try (MockCluster cluster = MockCluster.start(false).servingApi(List.of("bitnami.com_sealedsecrets.yaml"))) {
            assertEquals(0, kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    out.toString()).exitCode());
        }
        // the server is gone: from here on everything is offline
        Path tree = Files.createDirectories(tmp.resolve("k8s"));
        Files.writeString(tree.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: two
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: db
                spec:
                  encryptedData: [not, a, map]
                ---
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata:
                  name: old
                """);
        KgateRunner.Run run = kgate.run("--only", "schema,schema-unknown,removed-api", "--schemas", out.toString(),
                tree.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("app.yaml:6:3: error schema: spec.replicas: expected integer, got string \"two\""),
                run::toString);
        assertTrue(run.out().contains("app.yaml:22:3: error schema: spec.encryptedData: expected object, got array"),
                run::toString);
        assertTrue(run.out().contains("app.yaml:24:1: error removed-api: batch/v1beta1 CronJob was removed in Kubernetes 1.25"),
                run::toString);
        KgateRunner.Run without = kgate.run("--only", "schema,schema-unknown", tree.toString());
        assertTrue(without.out().contains("warning schema-unknown"), "the embedded schemas do not know SealedSecret: " + without);

        // schemas: in .kgate.yaml, relative to the config's directory, does what --schemas does
        Files.writeString(tmp.resolve(".kgate.yaml"), "schemas: schemas\n");
        KgateRunner.Run fromConfig = kgate.run(tmp, new byte[0], List.of("--only", "schema,schema-unknown,removed-api", "k8s"));
        assertEquals(run.out().replace(tree + "/", "k8s/"), fromConfig.out(), fromConfig::toString);
        Path sub = Files.createDirectories(tmp.resolve("k8s/sub"));
        KgateRunner.Run below = kgate.run(sub, new byte[0], List.of("--only", "schema,schema-unknown,removed-api", ".."));
        assertTrue(below.out().contains("error schema: spec.encryptedData: expected object"),
                "relative to the config's directory, not the working directory: " + below);
        Files.writeString(tmp.resolve(".kgate.yaml"), "schemas: k8s\n");
        KgateRunner.Run broken = kgate.run(tmp, new byte[0], List.of("k8s"));
        assertEquals(2, broken.exitCode(), broken::toString);
        assertTrue(broken.err().contains(".kgate.yaml: schemas: " + tmp.resolve("k8s") + " is not a pulled schema directory"),
                broken::toString);
        KgateRunner.Run flagWins = kgate.run(tmp, new byte[0], List.of("--only", "schema,schema-unknown,removed-api",
                "--schemas", out.toString(), "k8s"));
        assertEquals(fromConfig.out(), flagWins.out(), "--schemas beats the config's schemas: " + flagWins);

        KgateRunner.Run list = kgate.run("--schemas", out.toString(), "schemas");
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.out().matches("(?s).*\n" + java.util.regex.Pattern.quote(out.toString())
                + "\t\\d+ kinds\tKubernetes v1\\.34\\.1\\+k3s1, pulled \\S+\t\\(--schemas\\)\n"), list::toString);
    }

    @Test
    void aDirectoryThatIsNoPullIsAUsageError(@TempDir Path tmp) {
        KgateRunner.Run run = kgate.run("--schemas", tmp.toString(), "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--schemas: " + tmp + " is not a pulled schema directory"), run::toString);
    }

    @Test
    void unreachableServerExitsTwoWithOneLine(@TempDir Path tmp) throws IOException {
        Path kubeconfig;
        String url;
        try (MockCluster cluster = MockCluster.start(false)) {
            url = cluster.url();
            kubeconfig = cluster.kubeconfig(tmp);
        }
        KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "3s",
                tmp.resolve("out").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("kgate: " + url + ": "), run::toString);
        assertNoSecret(tmp, run);
    }

    @Test
    void refusedCredentialsExitTwo(@TempDir Path tmp) {
        try (MockCluster cluster = MockCluster.start(true)) {
            cluster.server.expect().get().withPath("/openapi/v3").andReturn(401, java.util.Map.of("kind", "Status",
                    "message", "Unauthorized", "code", 401)).always();
            KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    tmp.resolve("out").toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("kgate: " + cluster.url() + ": 401 Unauthorized: the credentials in the kubeconfig were refused\n",
                    run.err());
            assertFalse(Files.exists(tmp.resolve("out/index.yaml")));
        }
    }

    @Test
    void aServerWithAnotherCaIsATlsError(@TempDir Path tmp) throws IOException {
        Path kubeconfig;
        try (MockCluster other = MockCluster.start(true)) {
            kubeconfig = other.kubeconfig(tmp); // the CA of another server
        }
        try (MockCluster cluster = MockCluster.start(true).servingApi(List.of())) {
            Files.writeString(kubeconfig, Files.readString(kubeconfig).replaceAll("server: .*", "server: " + cluster.url()));
            KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", kubeconfig.toString(), tmp.resolve("out").toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("kgate: " + cluster.url() + ": TLS handshake failed"), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
        }
    }

    @Test
    void unknownContextAndMissingKubeconfigAreUsageErrors(@TempDir Path tmp) {
        try (MockCluster cluster = MockCluster.start(false)) {
            KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    "--kube-context", "prod", tmp.resolve("out").toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals("kgate: --kube-context prod: no such context in the kubeconfig\n", run.err());
        }
        KgateRunner.Run run = kgate.run("schemas", "pull", "--kubeconfig", tmp.resolve("nope").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("kgate: --kubeconfig " + tmp.resolve("nope") + ": no such file\n", run.err());
        run = kgate.run("schemas", "pull", "--request-timeout", "soon");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--request-timeout must be a positive duration"), run::toString);
    }

    static void assertNoSecret(Path dir, KgateRunner.Run run) throws IOException {
        assertFalse(run.out().contains(MockCluster.TOKEN) || run.err().contains(MockCluster.TOKEN), run::toString);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("kubeconfig")).toList()) {
                assertFalse(Files.readString(f).contains(MockCluster.TOKEN), "token written to " + f);
            }
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
