package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.Check;
import io.kgate.check.Linter;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.report.AuditReporter;
import io.kgate.report.ReportOptions;
import io.kgate.report.Reporter;
import io.kgate.testing.GeneratedCorpus;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit keeps of each object only what its checks and its sections read, not the whole object:
 * its report is byte-identical to one made from whole objects, also when the rule whose reads the
 * budget table shares ({@code resource-budget}) does not run. The generated tree skips without
 * {@code ../shared}.
 */
@Tag("in-process") // compares two ways of running kgate's classes: the native binary has one way
class AuditRetainedFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"testdata/split-architecture", "generated 10,000 documents"})
    void auditOfRetainedFieldsIsTheAuditOfWholeObjects(String tree) throws Exception {
        String path = tree.startsWith("generated") ? GeneratedCorpus.tenThousandDocuments().toString() : tree;
        RuleSet rules = RuleSet.defaults();
        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        checks.addAll(SchemaChecks.create(SchemaOptions.defaults()));
        AuditReporter audit = new AuditReporter(List.of(new BudgetAuditSection(rules.clusterCapacity().orElse(null))));
        for (List<String> skip : List.of(List.<String>of(), List.of("resource-budget"))) {
            Linter linter = rules.linter(checks, RuleSelection.of(List.of(), skip, rules)::reports);
            String whole = audit(audit, linter.keepingWholeObjects(), path);
            String kept = audit(audit, linter.retainingAlso(audit.reads()), path);
            assertTrue(whole.matches("(?s).*\nResource budget\n.*Mi × \\d+ = .*"),
                    "the budget table has figures to compare (skipping " + skip + ")");
            assertEquals(whole, kept, "skipping " + skip);
        }
    }

    private static String audit(AuditReporter audit, Linter linter, String path) throws Exception {
        var result = linter.lint(List.of(path), new ByteArrayInputStream(new byte[0]), LoadLimits.DEFAULT);
        return Reporter.rendered(audit, result, new ReportOptions("VERSION", false, linter.rules()));
    }
}
