package io.kgate.check;

import io.kgate.finding.Finding;
import io.kgate.finding.RuleCatalog;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline: load the paths, run every check over the whole tree, pass all findings through the
 * filters (suppressions), drop the findings of disabled rules, order them. The rule catalogue of
 * the run gives every finding its rule's severity (the loader's findings too).
 */
public final class Linter {
    /** A step over all findings of a run, after the checks (e.g. suppressions). */
    public interface FindingFilter {
        List<Finding> apply(LoadResult load, List<Finding> findings);
    }

    private final List<Check> checks;
    private final List<FindingFilter> filters;
    private final RuleCatalog rules;

    public Linter(List<Check> checks, List<FindingFilter> filters, RuleCatalog rules) {
        this.checks = List.copyOf(checks);
        this.filters = List.copyOf(filters);
        this.rules = rules;
    }

    public RuleCatalog rules() {
        return rules;
    }

    public LintResult lint(List<String> paths, InputStream stdin, LoadLimits limits) throws PathException {
        LoadResult load = new Loader(limits).load(paths, stdin);
        return lint(load);
    }

    public LintResult lint(LoadResult load) {
        List<Finding> findings = new ArrayList<>();
        // the loader runs before any rule set exists: its findings get their rule's severity here
        for (Finding f : load.findings()) {
            findings.add(f.withSeverity(rules.severity(f.rule())));
        }
        CheckContext ctx = new CheckContext(load, rules);
        for (Check c : checks) {
            c.run(ctx, findings::add);
        }
        List<Finding> filtered = findings;
        for (FindingFilter f : filters) {
            filtered = new ArrayList<>(f.apply(load, filtered));
        }
        filtered.removeIf(f -> !rules.enabled(f.rule()));
        filtered.sort(Finding.ORDER);
        return new LintResult(load, List.copyOf(filtered));
    }
}
