package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.FixtureTreeTest;
import io.kgate.testing.KgateRunner;
import io.kgate.testing.TestTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report does not depend on where the tree is checked out: the same tree copied to directories
 * of other names gives the same findings on the same objects. Unit detection took the files of a
 * Flux path in a HashMap's order of their absolute paths, so the flux-substitution info about a
 * variable every file uses named the object of a file that changed with the directory (cm-f in one
 * place, cm-b in another): a CI checkout and a laptop disagreed.
 */
class CheckoutPlaceTest {
    @TempDir
    Path parent;

    @Test
    void aFluxUnitsFirstObjectIsTheFirstInTheTreeWhereverTheTreeIs() throws IOException {
        Set<String> reports = new LinkedHashSet<>();
        List<String> places = List.of("a", "checkout", "work-tree-2", "x1", "x2", "x3", "zz", "home-lab-gitops");
        for (String place : places) {
            Path tree = parent.resolve(place).resolve("gitops");
            write(tree);
            KgateRunner.Run r = KgateRunner.get().run("--only", "flux-substitution", "--fail-on", "info", tree.toString());
            assertEquals(1, r.exitCode(), r::toString);
            reports.add(r.out().replace(tree.toString(), "TREE"));
        }
        assertEquals(1, reports.size(), () -> "the report changed with the tree's place:\n" + String.join("\n----\n", reports));
        String report = reports.iterator().next();
        List<String> infos = new ArrayList<>(report.lines().filter(l -> l.contains("flux-substitution")).toList());
        assertEquals(1, infos.size(), report);
        assertTrue(infos.get(0).startsWith("TREE/apps/a.yaml:7:3: info flux-substitution: ${MISSING}")
                && infos.get(0).endsWith("(ConfigMap default/cm-a)"), infos.get(0));
    }

    static Stream<Path> cases() throws IOException {
        return FixtureTreeTest.cases();
    }

    /** Every fixture tree of testdata/, copied to two places: the same report, but for the place. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFixtureReportsTheSameInTwoPlaces(Path caseDir) throws IOException {
        List<String> reports = new ArrayList<>();
        for (String place : List.of("first", "the-second-place")) {
            Path copy = parent.resolve(place).resolve(caseDir.getFileName().toString());
            TestTrees.copy(caseDir, copy);
            KgateRunner.Run r = KgateRunner.get().run(FixtureTreeTest.arguments(caseDir, copy));
            reports.add(r.exitCode() + "\n" + r.out().replace(copy.toString(), "CASE"));
        }
        assertEquals(reports.get(0), reports.get(1));
    }

    /** A Flux Kustomization of ./apps (no kustomization.yaml there), six ConfigMaps using ${MISSING}. */
    private static void write(Path tree) throws IOException {
        Files.createDirectories(tree.resolve("clusters"));
        Files.createDirectories(tree.resolve("apps"));
        Files.writeString(tree.resolve("clusters/apps.yaml"), """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: apps
                  namespace: flux-system
                spec:
                  interval: 10m
                  path: ./apps
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: flux-system
                  postBuild:
                    substitute:
                      KNOWN: "1"
                """);
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            Files.writeString(tree.resolve("apps/" + name + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: cm-%s
                      namespace: default
                    data:
                      v: "${MISSING}"
                    """.formatted(name));
        }
    }
}
