package io.kgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.FixtureTreeTest;
import io.kgate.testing.KgateRunner;
import io.kgate.testing.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The schemas a 1.34 server serves, pulled and converted, against the embedded 1.34 definitions: every
 * fixture tree under testdata/ is checked both ways and the findings must be the same, except for the
 * differences listed with their reason in {@code src/test/resources/cluster/pulled-vs-embedded.txt}
 * (the two sources are close, not equal). A listed difference that no longer occurs fails too.
 */
class PulledSchemasConformanceTest {
    private static final Path KNOWN = Path.of("src/test/resources/cluster/pulled-vs-embedded.txt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void pulledSchemasGiveTheEmbeddedVerdictsOnEveryFixtureTree(@TempDir Path tmp) throws IOException {
        Path pulled = tmp.resolve("schemas");
        try (MockCluster cluster = MockCluster.start(false).servingApi(List.of())) {
            KgateRunner.Run pull = kgate.run("schemas", "pull", "--kubeconfig", cluster.kubeconfig(tmp).toString(),
                    pulled.toString());
            assertEquals(0, pull.exitCode(), pull::toString);
        }
        Set<String> differences = new TreeSet<>();
        for (Path caseDir : cases()) {
            List<String> args = new ArrayList<>(List.of("--output", "json"));
            Path argsFile = caseDir.resolve("kgate-args.txt");
            if (Files.exists(argsFile)) {
                for (String a : Files.readString(argsFile).strip().split("\\s+")) {
                    args.add(a.replace("$CASE", caseDir.toString()).replace("$BUILTIN_RULES", FixtureTreeTest.builtinRules()));
                }
            }
            if (args.contains("--kubernetes-version") || args.contains("-k")) {
                continue; // pins another embedded version: not a comparison with 1.34
            }
            args.add(caseDir.toString());
            Set<String> embedded = findings(kgate.run(args));
            List<String> withPulled = new ArrayList<>(List.of("--schemas", pulled.toString()));
            withPulled.addAll(args);
            Set<String> fromCluster = findings(kgate.run(withPulled));
            for (String f : embedded) {
                if (!fromCluster.contains(f)) {
                    differences.add("only embedded\t" + f);
                }
            }
            for (String f : fromCluster) {
                if (!embedded.contains(f)) {
                    differences.add("only pulled\t" + f);
                }
            }
        }
        Set<String> known = new TreeSet<>();
        for (String line : Files.readAllLines(KNOWN)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int reason = line.indexOf("\t# ");
                known.add(reason < 0 ? line : line.substring(0, reason));
            }
        }
        assertEquals(String.join("\n", known), String.join("\n", differences),
                "differences between the pulled and the embedded 1.34 schemas (list each known one with its reason in "
                        + KNOWN + ")");
    }

    private static Set<String> findings(KgateRunner.Run run) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : JSON.readTree(run.out()).get("findings")) {
            out.add(f.get("file").asString() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt() + "\t"
                    + f.get("rule").asString() + "\t" + f.get("message").asString());
        }
        return out;
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("testdata"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }
}
