package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The schema options of the command line, their usage errors, and the exact form of schema findings. */
class SchemaCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void schemasListsEveryEmbeddedVersion() {
        KgateRunner.Run run = kgate.run("schemas");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s)1\\.31\t\\d+ kinds\n1\\.33\t\\d+ kinds\n1\\.34\t\\d+ kinds\t\\(default\\)\n"),
                run::toString);
    }

    @Test
    void unknownKubernetesVersionIsAUsageErrorListingTheValidOnes() {
        KgateRunner.Run run = kgate.run("--kubernetes-version", "1.19", "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown --kubernetes-version '1.19'; embedded versions: 1.31, 1.33, 1.34"),
                run::toString);
    }

    @Test
    void versionsMayBeWrittenWithPatchAndV() {
        assertEquals(0, kgate.run("-k", "v1.33.2", "--only", "schema,schema-unknown,removed-api", "testdata/schema-valid").exitCode());
    }

    @Test
    void badMissingSchemasLevelIsAUsageError() {
        KgateRunner.Run run = kgate.run("--missing-schemas", "info", "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--missing-schemas must be error, warning or ignore, not 'info'"), run::toString);
    }

    @Test
    void missingCrdPathIsAUsageError() {
        KgateRunner.Run run = kgate.run("--crds", "testdata/no-such-crds", "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--crds: "), run::toString);
    }

    @Test
    void brokenCrdFileIsReportedNotDropped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("crd.yaml"), "apiVersion: apiextensions.k8s.io/v1\nkind: [\n");
        Files.createDirectories(dir.resolve("tree"));
        Files.writeString(dir.resolve("tree/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
        KgateRunner.Run run = kgate.run("--crds", dir.resolve("crd.yaml").toString(), "-o", "json",
                dir.resolve("tree").toString());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode f = JSON.readTree(run.out()).get("findings").get(0);
        assertEquals("yaml-syntax", f.get("rule").asString());
        assertTrue(f.get("file").asString().endsWith("crd.yaml"), run::toString);
    }

    @Test
    void ignoredMissingSchemasProduceNoFinding(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cert.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: tls
                """);
        KgateRunner.Run run = kgate.run("--missing-schemas", "ignore", "-o", "json", dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(0, JSON.readTree(run.out()).get("findings").size(), run::toString);
    }

    @Test
    void findingsCarryPointerColumnAndPlainMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("deploy.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: two
                  template:
                    spec:
                      containers: []
                """);
        KgateRunner.Run run = kgate.run("-o", "json", dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode findings = JSON.readTree(run.out()).get("findings");
        assertEquals(List.of(
                "5:1 /spec/selector spec: missing required field \"selector\"",
                "6:3 /spec/replicas spec.replicas: expected integer, got string \"two\""),
                findings.valueStream().map(f -> f.get("line").asInt() + ":" + f.get("column").asInt() + " "
                        + f.get("path").asString() + " " + f.get("message").asString()).toList());
    }

    @Test
    void manyDocumentsAreValidatedInParallelWithTheSameReport(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\ndata:\n  n: ").append(i % 3 == 0 ? "1" : "\"1\"").append('\n');
        }
        Files.writeString(dir.resolve("many.yaml"), sb.toString(), StandardCharsets.UTF_8);
        KgateRunner.Run first = kgate.run("-o", "json", dir.toString());
        KgateRunner.Run second = kgate.run("-o", "json", dir.toString());
        assertEquals(134, JSON.readTree(first.out()).get("findings").size(), first::toString);
        assertEquals(first.out(), second.out());
    }
}
