package io.kgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.load.YamlText;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The real CRDs of {@code ../shared/corpora/crds} (Flux, sealed-secrets; skipped when absent): they
 * are accepted as the API server accepts them, their CEL rules compile, and the HelmRelease rules
 * (four) catch the custom resources that break them at the right lines.
 */
class CrdCorpusTest {
    static final Path CRDS = Path.of("../shared/corpora/crds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helmReleaseRulesCatchWhatTheApiServerRefuses(@TempDir Path tree) throws IOException {
        assumeTrue(Files.isDirectory(CRDS), "CRD corpus absent: " + CRDS.toAbsolutePath());
        Path file = tree.resolve("releases.yaml");
        Files.writeString(file, """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: both
                  namespace: flux-system
                spec:
                  interval: 10m
                  chart:
                    spec:
                      chart: podinfo
                      sourceRef: {kind: HelmRepository, name: podinfo}
                  chartRef: {kind: OCIRepository, name: podinfo}
                  kubeConfig:
                    secretRef: {name: remote}
                    configMapRef: {name: remote}
                  install:
                    strategy:
                      name: RemediateOnFailure
                      retryInterval: 1m
                  upgrade:
                    strategy:
                      name: RemediateOnFailure
                      retryInterval: 1m
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: valid
                  namespace: flux-system
                spec:
                  interval: 10m
                  chartRef: {kind: OCIRepository, name: podinfo}
                  install:
                    strategy: {name: RetryOnFailure, retryInterval: 1m}
                """);
        KgateRunner.Run run = KgateRunner.get().run("--output", "json", "--only", "crd-rules", "--crds",
                CRDS.toString(), tree.toString());
        List<String> found = findings(run, file);
        assertEquals(List.of(
                "6 crd-rules spec: Invalid value: either chart or chartRef must be set",
                "13 crd-rules spec.kubeConfig: Invalid value: exactly one of spec.kubeConfig.configMapRef or "
                        + "spec.kubeConfig.secretRef must be specified",
                "17 crd-rules spec.install.strategy: Invalid value: .retryInterval cannot be set when .name is "
                        + "'RemediateOnFailure'",
                "21 crd-rules spec.upgrade.strategy: Invalid value: .retryInterval can only be set when .name is "
                        + "'RetryOnFailure'"), found, run::toString);
    }

    @Test
    void realCrdsAreAcceptedAndTheirRulesCompile(@TempDir Path tree) throws Exception {
        assumeTrue(Files.isDirectory(CRDS), "CRD corpus absent: " + CRDS.toAbsolutePath());
        StringBuilder resources = new StringBuilder();
        List<Path> crds;
        try (Stream<Path> s = Files.list(CRDS)) {
            crds = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(crds.size() >= 10, "expected the Flux and sealed-secrets CRDs in " + CRDS);
        for (Path crd : crds) {
            String text = Files.readString(crd);
            Files.writeString(tree.resolve(crd.getFileName()), text);
            MapNode spec = YamlText.parse(text).asMap().map("spec");
            String version = spec.seq("versions").items().stream().map(Node::asMap)
                    .filter(v -> Boolean.TRUE.equals(v.get("storage").asScalar().value())).findFirst().orElseThrow()
                    .string("name");
            // a custom resource of each kind, so that every CEL rule of every CRD is compiled
            resources.append("---\napiVersion: ").append(spec.string("group")).append('/').append(version)
                    .append("\nkind: ").append(spec.map("names").string("kind"))
                    .append("\nmetadata:\n  name: probe\n  namespace: x\nspec: {}\n");
        }
        Path cr = tree.resolve("resources.yaml");
        Files.writeString(cr, resources.toString());
        KgateRunner.Run run = KgateRunner.get().run("--output", "json", "--only", "crd-rules,crd-schema,schema",
                tree.toString());
        JsonNode report = JSON.readTree(run.out());
        List<String> aboutCrds = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (!f.get("file").asString().endsWith("resources.yaml")) {
                aboutCrds.add(f.get("file").asString() + ":" + f.get("line").asInt() + " " + f.get("rule").asString()
                        + " " + f.get("message").asString());
            }
        }
        assertEquals(List.of(), aboutCrds, run::toString);
    }

    private static List<String> findings(KgateRunner.Run run, Path file) {
        JsonNode report = JSON.readTree(run.out());
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            assertEquals(file.toString(), f.get("file").asString(), run::toString);
            out.add(f.get("line").asInt() + " " + f.get("rule").asString() + " " + f.get("message").asString());
        }
        return out;
    }
}
