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
 * must be exactly those written beside the offending lines (no missing, no extra; with a message
 * part where the comment gives one). A case {@code rule-ID-...} checks rule ID alone unless its
 * {@code kgate-args.txt} selects rules itself; extra arguments go in {@code kgate-args.txt}, where
 * {@code $CASE} is the case directory and {@code $BUILTIN_RULES} the ids of the built-in rules
 * ({@code template: builtin} in rules/), for cases about loading and schemas.
 */
public class FixtureTreeTest {
    private static final Path TESTDATA = Path.of("testdata");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TESTDATA)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsAreExactlyTheExpectedOnes(Path caseDir) throws IOException {
        KgateRunner.Run run = KgateRunner.get().run(arguments(caseDir, caseDir));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, () -> "unexpected exit code: " + run);

        List<Expected> expected = Expectations.read(caseDir);
        List<Expected> actual = new ArrayList<>();
        JsonNode report = JSON.readTree(run.out());
        String prefix = caseDir + "/";
        for (JsonNode f : report.get("findings")) {
            String file = f.get("file").asString();
            // a finding about the case directory itself (no-objects) is written as "." in expected.txt
            file = file.equals(caseDir.toString()) ? "." : file;
            actual.add(new Expected(file.startsWith(prefix) ? file.substring(prefix.length()) : file,
                    f.get("line").asInt(), f.get("rule").asString(), f.get("message").asString()));
        }
        assertEquals(render(expected), render(Expectations.compared(expected, actual)),
                () -> "findings of " + caseDir + " differ; report:\n" + run.out());
        assertEquals(expected.isEmpty() ? 0 : 1, run.exitCode(), "exit code with --fail-on info");
    }

    /**
     * The arguments of the case's run, JSON report, {@code --fail-on info}: its {@code kgate-args.txt}
     * (or {@code --only} its rule) and its directory, {@code placed}: the case itself or a copy of it
     * elsewhere ({@code $CASE/..} still names the case's own parent, {@code $CASE} names the copy).
     */
    public static List<String> arguments(Path caseDir, Path placed) throws IOException {
        List<String> args = new ArrayList<>(List.of("--output", "json", "--fail-on", "info"));
        Path argsFile = caseDir.resolve("kgate-args.txt");
        List<String> caseArgs = new ArrayList<>();
        if (Files.exists(argsFile)) {
            for (String a : Files.readString(argsFile).strip().split("\\s+")) {
                if (!a.isEmpty()) {
                    caseArgs.add(a.replace("$CASE/..", caseDir + "/..").replace("$CASE", placed.toString())
                            .replace("$BUILTIN_RULES", builtinRules()));
                }
            }
        }
        String rule = ruleOfCase(caseDir.getFileName().toString());
        if (rule != null && !caseArgs.contains("--only") && !caseArgs.contains("--skip")) {
            args.addAll(List.of("--only", rule));
        }
        args.addAll(caseArgs);
        args.add(placed.toString());
        return args;
    }

    /** The rule a {@code rule-ID-...} case is about: the longest rule id (a file under rules/) it names. */
    static String ruleOfCase(String caseName) throws IOException {
        if (!caseName.startsWith("rule-")) {
            return null;
        }
        String best = null;
        for (String id : ruleFiles().keySet()) {
            if (caseName.startsWith("rule-" + id + "-") && (best == null || id.length() > best.length())) {
                best = id;
            }
        }
        if (best == null) {
            throw new IllegalStateException("fixture " + caseName + " is named rule-ID-... but no rules/ID.yaml matches");
        }
        return best;
    }

    /** The built-in rules, comma-separated: what {@code $BUILTIN_RULES} stands for. */
    public static String builtinRules() throws IOException {
        List<String> ids = new ArrayList<>();
        for (var e : ruleFiles().entrySet()) {
            if (Files.readAllLines(e.getValue()).contains("template: builtin")) {
                ids.add(e.getKey());
            }
        }
        return String.join(",", ids);
    }

    /** Rule id to file: rules/ID.yaml (RuleFilesTest holds that the file name is the id). */
    private static java.util.Map<String, Path> ruleFiles() throws IOException {
        java.util.Map<String, Path> out = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            files.filter(p -> p.toString().endsWith(".yaml"))
                    .forEach(p -> out.put(p.getFileName().toString().replace(".yaml", ""), p));
        }
        return out;
    }

    private static String render(List<Expected> list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
