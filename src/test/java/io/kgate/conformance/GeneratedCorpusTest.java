package io.kgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.check.Check;
import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.check.rules.RuleSet;
import io.kgate.finding.Severity;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.model.KubeObject;
import io.kgate.schema.SchemaStore;
import io.kgate.testing.GeneratedCorpus;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large correctness check: the shared generator ({@code ../shared/bench/gen-corpus.py}) writes a
 * 10,000-document tree and the intended verdict of every document; kgate's strict verdicts (an
 * error from schema validation: schema, schema-unknown, removed-api) must match them exactly.
 * Skips when the generator or python3 is absent.
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class GeneratedCorpusTest {
    private static final Set<String> SCHEMA_RULES = Set.of("schema", "schema-unknown", "removed-api");

    @Test
    void strictVerdictsMatchTheGeneratorsIntent() throws Exception {
        Path tree = GeneratedCorpus.tenThousandDocuments();

        Map<String, String> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(GeneratedCorpus.expected());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (!f[4].equals("valid")) {
                expected.put(f[0] + "#" + f[1], f[6]); // "invalid" and "invalid-strict": kgate is strict
            }
        }

        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        checks.addAll(SchemaChecks.create(SchemaOptions.defaults()));
        // the built-in checks only: schema is a built-in rule, so no templated rule runs
        LintResult result = RuleSet.defaults().linterFor(checks, "schema").lint(List.of(tree.toString()),
                new ByteArrayInputStream(new byte[0]), LoadLimits.DEFAULT);
        assertEquals(10_000, result.load().objects().size(), "objects loaded");

        Map<String, List<KubeObject>> byFile = new HashMap<>();
        for (KubeObject o : result.load().objects()) {
            byFile.computeIfAbsent(o.file().displayName(), k -> new ArrayList<>()).add(o);
        }
        Map<String, String> actual = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (!SCHEMA_RULES.contains(f.rule()) || f.severity() != Severity.ERROR) {
                continue;
            }
            List<KubeObject> objs = byFile.get(f.file());
            int doc = 0;
            for (int i = 0; i < objs.size(); i++) {
                if (objs.get(i).root().pos().compareTo(f.pos()) <= 0) {
                    doc = i;
                }
            }
            String rel = tree.relativize(Path.of(f.file())).toString().replace('\\', '/');
            actual.merge(rel + "#" + doc, f.message(), (a, b) -> a + " | " + b);
        }
        Set<String> missed = new TreeSet<>(expected.keySet());
        missed.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        List<String> report = new ArrayList<>();
        missed.forEach(k -> report.add("not reported: " + k + " (" + expected.get(k) + ")"));
        extra.forEach(k -> report.add("reported but intended valid: " + k + " (" + actual.get(k) + ")"));
        System.out.printf("generated corpus: %d documents, %d intended invalid, %d reported invalid, %d mismatches%n",
                result.load().objects().size(), expected.size(), actual.size(), report.size());
        assertEquals(List.of(), report, "verdict mismatches");
    }
}
