package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.finding.Finding;
import io.kgate.check.Check;
import io.kgate.check.LintResult;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.load.Loader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documentation cannot lie: every rule's failing example yields findings of that rule and no
 * other, its passing example yields none. A templated rule's examples run with the identity checks
 * and that rule alone; a built-in rule's with the built-in checks (identity, schema, suppressions);
 * both under the default profile. The findings carry the severity the rule file gives.
 *
 * <p>An example about several files (kustomizations, Flux paths) marks each with a line
 * {@code # file: PATH}; it is written to a temporary directory and checked as a tree. Its custom
 * resources (Flux objects) come without CRDs, so {@code schema-unknown} is off for those.
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class RuleExamplesTest {
    /**
     * file-read: its failures (an unreadable or too large file) cannot be written as example text;
     * server-dry-run: its verdicts come from a cluster, so DryRunTest runs its examples against a mock API server;
     * no-objects: its failure is a directory without objects (testdata/rule-no-objects-fail, EmptyDirectoryTest).
     */
    private static final java.util.Set<String> NOT_HERE = java.util.Set.of("file-read", "server-dry-run", "no-objects");

    static Stream<RuleDef> rules() {
        return RuleFiles.embedded().rules().stream().filter(d -> !NOT_HERE.contains(d.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failingExampleFailsWithThisRuleOnly(RuleDef def) throws Exception {
        assertNotNull(def.failExample(), def.file() + " has no examples.fail");
        List<Finding> findings = lint(def, def.failExample());
        assertFalse(findings.isEmpty(), def.file() + ": the failing example produces no finding");
        for (Finding f : findings) {
            assertEquals(def.id(), f.rule(), def.file() + ": the failing example also produces " + f);
        }
        assertTrue(findings.stream().anyMatch(f -> f.severity() == def.severity()),
                def.file() + ": no finding at the file's severity " + def.severity().id() + ": " + findings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void passingExamplePasses(RuleDef def) throws Exception {
        assertNotNull(def.passExample(), def.file() + " has no examples.pass");
        assertEquals(List.of(), lint(def, def.passExample()), def.file() + ": the passing example has findings");
    }

    private static List<Finding> lint(RuleDef def, String yaml) throws Exception {
        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        if (def.builtin()) {
            checks.addAll(SchemaChecks.create(SchemaOptions.defaults()));
        }
        if (yaml.startsWith(FILE_MARKER)) {
            return lintTree(def, yaml, checks);
        }
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        LintResult r = RuleSet.defaults().linterFor(checks, def.id()).lint(load);
        return r.findings();
    }

    private static final String FILE_MARKER = "# file: ";

    private static List<Finding> lintTree(RuleDef def, String text, List<Check> checks) throws Exception {
        Path dir = Files.createTempDirectory("kgate-example");
        try {
            Path file = null;
            StringBuilder content = new StringBuilder();
            for (String line : (text + FILE_MARKER + "\n").lines().toList()) {
                if (line.startsWith(FILE_MARKER)) {
                    if (file != null) {
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, content);
                    }
                    String name = line.substring(FILE_MARKER.length()).strip();
                    file = name.isEmpty() ? null : dir.resolve(name);
                    content.setLength(0);
                } else {
                    content.append(line).append('\n');
                }
            }
            RuleSet rules = RuleSet.defaults().with("schema-unknown", false, null);
            return rules.linterFor(checks, def.id()).lint(List.of(dir.toString()), InputStream.nullInputStream(),
                    LoadLimits.DEFAULT).findings();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
