package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.load.LoadLimits;
import io.kgate.load.Loader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documentation cannot lie: every rule's failing example yields findings of that rule and no
 * other, its passing example yields none. Each example runs with the document checks and that rule
 * alone, under the default profile.
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class RuleExamplesTest {
    static Stream<RuleDef> templatedRules() {
        return RuleFiles.embedded().rules().stream().filter(d -> !d.builtin());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templatedRules")
    void failingExampleFailsWithThisRuleOnly(RuleDef def) throws Exception {
        assertNotNull(def.failExample(), def.file() + " has no examples.fail");
        List<Finding> findings = lint(def.id(), def.failExample());
        assertFalse(findings.isEmpty(), def.file() + ": the failing example produces no finding");
        for (Finding f : findings) {
            assertEquals(def.id(), f.rule(), def.file() + ": the failing example also produces " + f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templatedRules")
    void passingExamplePasses(RuleDef def) throws Exception {
        assertNotNull(def.passExample(), def.file() + " has no examples.pass");
        assertEquals(List.of(), lint(def.id(), def.passExample()), def.file() + ": the passing example has findings");
    }

    private static List<Finding> lint(String id, String yaml) throws Exception {
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        LintResult r = RuleSet.defaults().linterFor(id).lint(load);
        return r.findings();
    }
}
