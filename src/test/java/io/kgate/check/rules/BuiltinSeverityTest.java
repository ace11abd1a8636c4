package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.check.identity.IdentityChecks;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.LoadLimits;
import io.kgate.load.Loader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A built-in rule reports at the severity its rule file gives: the file is the one source. */
@Tag("in-process") // builds a rule set from edited rule definitions
class BuiltinSeverityTest {
    private static final String TWO_CONFIGMAPS = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: [b]}
            """;

    @Test
    void theRuleFileSeverityIsTheFindingsSeverity() throws Exception {
        List<RuleDef> defs = new ArrayList<>();
        for (RuleDef d : RuleFiles.embedded().rules()) {
            boolean edited = d.id().equals("duplicate-object") || d.id().equals("object-identity");
            defs.add(edited ? new RuleDef(d.id(), d.template(), Severity.INFO, d.summary(), d.description(), d.why(),
                    d.remediation(), d.params(), d.failExample(), d.passExample(), d.file(), d.pos()) : d);
        }
        RuleSet set = RuleSet.build(defs, RuleFiles.embedded().profiles(), Config.DEFAULT);
        var load = new Loader(LoadLimits.DEFAULT).load(List.of("-"),
                new ByteArrayInputStream(TWO_CONFIGMAPS.getBytes(StandardCharsets.UTF_8)));
        List<Finding> findings = set.linterFor(IdentityChecks.create(), "duplicate-object").lint(load).findings();
        assertEquals(List.of("duplicate-object info", "object-identity info"),
                findings.stream().map(f -> f.rule() + " " + f.severity().id()).sorted().toList());
    }
}
