package io.kgate.cli;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaCheck;
import io.kgate.finding.Severity;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --only} and {@code --skip}: which rule ids this run reports. A selection never hides that
 * objects went unvalidated: {@code schema} brings {@code schema-unknown} along, and when
 * {@code schema-unknown} is an error (--missing-schemas error) it is reported whatever --only says.
 */
record RuleSelection(Set<String> only, Set<String> skip) {

    /** Validates the ids against every known rule; an unknown id is a usage error. */
    static RuleSelection of(List<String> only, List<String> skip, RuleSet rules) {
        Set<String> known = new TreeSet<>(rules.catalog().ids());
        Set<String> o = clean(only, "--only", known);
        Set<String> s = clean(skip, "--skip", known);
        if (!o.isEmpty() && (o.contains(SchemaCheck.SCHEMA)
                || rules.catalog().severity(SchemaCheck.SCHEMA_UNKNOWN) == Severity.ERROR)) {
            o.add(SchemaCheck.SCHEMA_UNKNOWN);
        }
        return new RuleSelection(o, s);
    }

    private static Set<String> clean(List<String> ids, String option, Set<String> known) {
        Set<String> out = new TreeSet<>();
        for (String raw : ids) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            if (!known.contains(id)) {
                throw new KgateCommand.UsageError(option + ": unknown rule '" + id + "' (kgate rules lists them)");
            }
            out.add(id);
        }
        return out;
    }

    boolean reports(String rule) {
        return (only.isEmpty() || only.contains(rule)) && !skip.contains(rule);
    }

    LintResult apply(LintResult r) {
        if (only.isEmpty() && skip.isEmpty()) {
            return r;
        }
        List<Finding> kept = r.findings().stream().filter(f -> reports(f.rule())).toList();
        return new LintResult(r.load(), kept, r.units());
    }
}
