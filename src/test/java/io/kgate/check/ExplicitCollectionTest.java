package io.kgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native executable collects completely after the checks and after the filters of a tree of 20,000
 * objects or more ({@code Linter.collectWhatTheStepLeft}), as the README's Memory paragraph says: twice
 * there, never below, never with {@code -XX:+DisableExplicitGC}, never in a JVM; and the report does not
 * depend on it. Seen in the collector's log ({@code -XX:+PrintGC} natively, {@code -Xlog:gc} in a JVM).
 */
class ExplicitCollectionTest {
    private static final int FILES = 40;
    /** Per file: ConfigMaps, then a Service selecting no pods and a Deployment of a ":latest" image (findings). */
    private static final int CONFIG_MAPS = 498;
    private static final String EXPLICIT = "System.gc()";

    @TempDir
    static Path dir;
    /** 20,000 objects: the threshold. */
    static Path atThreshold;
    /** 19,999 objects: one ConfigMap fewer. */
    static Path belowThreshold;

    @BeforeAll
    static void trees() throws IOException {
        atThreshold = tree("at", 0);
        belowThreshold = tree("below", 1);
    }

    private static Path tree(String name, int fewer) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        for (int f = 0; f < FILES; f++) {
            StringBuilder y = new StringBuilder();
            int configMaps = CONFIG_MAPS - (f == 0 ? fewer : 0);
            for (int i = 0; i < configMaps; i++) {
                y.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                        .append("\n  namespace: ns-").append(f).append("\ndata:\n  key: value\n");
            }
            y.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n  namespace: ns-").append(f)
                    .append("\nspec:\n  selector:\n    app: nothing\n  ports:\n    - port: 80\n");
            y.append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ns-").append(f)
                    .append("\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n")
                    .append("      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n")
                    .append("          image: nginx:latest\n");
            Files.writeString(root.resolve(String.format("objects-%02d.yaml", f)), y);
        }
        return root;
    }

    private static KgateRunner.Run kgate(List<String> runtimeOptions, Path tree) {
        KgateRunner.Run run = KgateRunner.withRuntimeOptions(runtimeOptions, tree.toString());
        assertEquals(1, run.exitCode(), run::toString); // the Deployments' and Services' findings
        return run;
    }

    private static long explicitCollections(KgateRunner.Run run) {
        return run.err().lines().filter(l -> l.contains(EXPLICIT)).count();
    }

    @Test
    void aLargeTreeIsCollectedAfterTheChecksAndTheFiltersNatively() {
        assumeTrue(KgateRunner.isNative(), "the native executable only");
        KgateRunner.Run collected = kgate(List.of("-XX:+PrintGC"), atThreshold);
        assertTrue(collected.out().contains("20000 objects"), collected::toString);
        assertEquals(2, explicitCollections(collected), collected::toString);
        KgateRunner.Run disabled = kgate(List.of("-XX:+PrintGC", "-XX:+DisableExplicitGC"), atThreshold);
        assertEquals(0, explicitCollections(disabled), disabled::toString);
        assertEquals(collected.out(), disabled.out(), "the report does not depend on the collections");
    }

    @Test
    void aTreeBelowTheThresholdIsNot() {
        assumeTrue(KgateRunner.isNative(), "the native executable only");
        KgateRunner.Run run = kgate(List.of("-XX:+PrintGC"), belowThreshold);
        assertTrue(run.out().contains("19999 objects"), run::toString);
        assertEquals(0, explicitCollections(run), run::toString);
    }

    @Test
    void aJvmNeverCollectsExplicitly() {
        assumeFalse(KgateRunner.isNative(), "the JVM form only");
        KgateRunner.Run run = kgate(List.of("-Xlog:gc:stderr"), atThreshold);
        assertTrue(run.out().contains("20000 objects"), run::toString);
        assertTrue(run.err().contains("Pause"), () -> "no collector log: " + run);
        assertEquals(0, explicitCollections(run), run::toString);
    }
}
