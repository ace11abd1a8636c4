package io.kgate.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The 10,000-document tree of {@code ../shared/bench/gen-corpus.py} (seed 42), generated once per
 * test JVM and shared by the tests that read it (it takes seconds to write). Skips the calling test
 * when the generator or python3 is absent.
 */
public final class GeneratedCorpus {
    private static final Path GENERATOR = Path.of("../shared/bench/gen-corpus.py");
    private static Path tree;

    private GeneratedCorpus() {
    }

    /** The tree; the generator's verdicts are in {@link #expected()} beside it. */
    public static synchronized Path tenThousandDocuments() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(GENERATOR), "generator absent: " + GENERATOR.toAbsolutePath());
        if (tree == null) {
            Path dir = Files.createTempDirectory("kgate-corpus");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path t = dir.resolve("tree");
            Process p;
            try {
                p = new ProcessBuilder("python3", GENERATOR.toString(), t.toString(), "--documents", "10000",
                        "--seed", "42").redirectErrorStream(true).redirectOutput(dir.resolve("gen.log").toFile())
                        .start();
            } catch (IOException e) {
                assumeTrue(false, "python3 not available: " + e.getMessage());
                return null;
            }
            assumeTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "generator failed");
            tree = t;
        }
        return tree;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** The generator's intent, one line per invalid document ({@code tree.expected.tsv}). */
    public static Path expected() throws IOException, InterruptedException {
        return tenThousandDocuments().resolveSibling("tree.expected.tsv");
    }
}
