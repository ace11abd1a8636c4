package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.testing.KgateRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Severities the fixture comparison does not see: a cel rule of severity error whose expression
 * cannot be evaluated on an object is a warning there (kgate cannot tell whether the object is wrong),
 * while a result that is not a boolean is a finding at the rule's own severity. Both come from the
 * file pass, whose findings must keep the severity their check gave them.
 */
class CelRuleSeverityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExpressionThatCannotBeEvaluatedIsAWarningNotTheRulesSeverity() {
        KgateRunner.Run run = KgateRunner.get().run("--output", "json", "--rules", "testdata/rules-in-cel/rules",
                "--only", "http-readiness,settings-size", "testdata/rules-in-cel");
        JsonNode report = JSON.readTree(run.out());
        List<String> found = new java.util.ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            found.add(f.get("line").asInt() + " " + f.get("rule").asString() + " " + f.get("severity").asString());
        }
        // both rules are severity error in their rule files
        assertEquals(List.of("23 http-readiness warning", "37 http-readiness warning", "60 settings-size error"),
                found, run::toString);
    }
}
