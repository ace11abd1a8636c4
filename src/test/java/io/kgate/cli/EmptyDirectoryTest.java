package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule no-objects: a directory without any Kubernetes object fails the gate in every report format
 * (a wrong path in CI must not go green), unless --allow-empty; files given explicitly do not.
 */
class EmptyDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryIsAnErrorAtTheDirectory() {
        KgateRunner.Run r = KgateRunner.get().run(dir.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith(dir + ":1:1: error no-objects: no Kubernetes objects under " + dir
                + " (0 files read, 0 skipped): nothing was validated; check the path, or pass --allow-empty\n"),
                r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "sarif", "junit", "github", "checkstyle"})
    void everyReportFormatShowsWhyTheGateFailed(String format) throws IOException {
        Files.writeString(dir.resolve("values.yaml"), "replicaCount: 2\n");
        KgateRunner.Run r = KgateRunner.get().run("--output", format, dir.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("no-objects") && r.out().contains("no Kubernetes objects under"), r::toString);
        assertTrue(r.out().contains("1 file read, 1 skipped"), r::toString);
    }

    @Test
    void allowEmptyAcceptsIt() {
        KgateRunner.Run r = KgateRunner.get().run("--allow-empty", dir.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("no Kubernetes objects found") || r.out().contains("no Kubernetes objects found"),
                r::toString);
    }

    @Test
    void theDefaultPathCountsToo() {
        KgateRunner.Run r = KgateRunner.get().run(dir, new byte[0], List.of());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith(".:1:1: error no-objects: no Kubernetes objects under ."), r::toString);
    }

    @Test
    void filesGivenExplicitlyKeepTheirBehaviour() throws IOException {
        Path kustomization = Files.writeString(dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
        KgateRunner.Run r = KgateRunner.get().run("--no-context", kustomization.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(!r.out().contains("no-objects"), r::toString);
    }
}
