package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --schema-location: kubeconform's templates on local catalogs; URLs refused, nothing fetched. */
class SchemaCatalogTest {
    private static final String ONLY = "schema,schema-unknown";
    private final KgateRunner kgate = KgateRunner.get();

    private static Path tree(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("k8s"));
        Files.writeString(dir.resolve("secret.yaml"), """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: db
                spec:
                  encryptedData:
                    password: 42
                """);
        return dir;
    }

    @Test
    void kubeconformTemplatesWithSpacesFindAWrongTypeAtItsLine(@TempDir Path tmp) throws IOException {
        Path dir = tree(tmp);
        KgateRunner.Run run = kgate.run("--only", ONLY, "--schema-location",
                "src/test/resources/catalogs/crds-catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json",
                dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(dir.resolve("secret.yaml") + ":7:5: error schema: spec.encryptedData.password: "),
                run::toString);
        KgateRunner.Run none = kgate.run("--only", ONLY, dir.toString());
        assertTrue(none.out().contains("warning schema-unknown"), "without the catalog nothing knows SealedSecret: " + none);
    }

    @Test
    void aUrlIsAUsageErrorBecauseKgateIsOffline() {
        KgateRunner.Run run = kgate.run("--schema-location",
                "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json",
                "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("kgate is offline and never downloads schemas"), run::toString);
    }

    @Test
    void anUnknownTemplateVariableIsAUsageError() {
        KgateRunner.Run run = kgate.run("--schema-location", "catalog/{{ .Kind }}.json", "testdata/schema-valid");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("unknown template variable .Kind"), run::toString);
    }

    @Test
    void defaultIsTheEmbeddedSchemas() {
        assertEquals(0, kgate.run("--schema-location", "default", "--only", ONLY, "testdata/schema-valid").exitCode());
    }

    @Test
    void aRemoteReferenceIsNeverFetched(@TempDir Path tmp) throws IOException {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init();
        try {
            int before = server.getRequestCount();
            Path catalog = Files.createDirectories(tmp.resolve("catalog/bitnami.com"));
            Files.writeString(catalog.resolve("sealedsecret_v1alpha1.json"), "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                    + "\"properties\": {\"spec\": {\"$ref\": \"" + server.url("/spec.json") + "\"}}}");
            Path dir = tree(tmp);
            KgateRunner.Run run = kgate.run("--only", ONLY, "--schema-location",
                    tmp.resolve("catalog") + "/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json", dir.toString());
            assertEquals(before, server.getRequestCount(), "kgate fetched a schema: " + run);
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.out().contains("error schema: cannot use schema "), run::toString);
        } finally {
            server.destroy();
        }
    }
}
