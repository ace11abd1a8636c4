package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.Expectations;
import io.kgate.testing.Expectations.Expected;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The data-driven suite: every directory under {@code testdata/} is one kgate run, and the findings
 * must be exactly those written beside the offending lines (no missing, no extra). Extra arguments
 * for a case go in its {@code kgate-args.txt}.
 */
class FixtureTreeTest {
    private static final Path TESTDATA = Path.of("testdata");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TESTDATA)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsAreExactlyTheExpectedOnes(Path caseDir) throws IOException {
        List<String> args = new ArrayList<>(List.of("--output", "json", "--fail-on", "info"));
        Path argsFile = caseDir.resolve("kgate-args.txt");
        if (Files.exists(argsFile)) {
            for (String a : Files.readString(argsFile).strip().split("\\s+")) {
                if (!a.isEmpty()) {
                    args.add(a.replace("$CASE", caseDir.toString()));
                }
            }
        }
        args.add(caseDir.toString());
        KgateRunner.Run run = KgateRunner.get().run(args);
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, () -> "unexpected exit code: " + run);

        List<Expected> expected = Expectations.read(caseDir);
        List<Expected> actual = new ArrayList<>();
        JsonNode report = JSON.readTree(run.out());
        String prefix = caseDir + "/";
        for (JsonNode f : report.get("findings")) {
            String file = f.get("file").asString();
            actual.add(new Expected(file.startsWith(prefix) ? file.substring(prefix.length()) : file,
                    f.get("line").asInt(), f.get("rule").asString()));
        }
        actual.sort(null);
        assertEquals(render(expected), render(actual), () -> "findings of " + caseDir + " differ; report:\n" + run.out());
        assertEquals(expected.isEmpty() ? 0 : 1, run.exitCode(), "exit code with --fail-on info");
    }

    private static String render(List<Expected> list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
