package io.kgate.check;

import io.kgate.finding.Finding;
import io.kgate.check.doc.DuplicateObjectCheck;
import io.kgate.check.doc.ObjectIdentityCheck;
import io.kgate.check.rules.Suppressions;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline: load the paths, run every check over the whole tree, pass all findings through the
 * filters (suppressions, config), order them.
 */
public final class Linter {
    /** A step over all findings of a run, after the checks (e.g. suppressions). */
    public interface FindingFilter {
        List<Finding> apply(LoadResult load, List<Finding> findings);
    }

    private final List<Check> checks;
    private final List<FindingFilter> filters;

    /** {@code checks} with the standard suppressions ({@code # kgate:ignore}, {@code kgate.io/ignore}). */
    public Linter(List<Check> checks) {
        this(checks, List.of(Suppressions.standard()));
    }

    public Linter(List<Check> checks, List<FindingFilter> filters) {
        this.checks = List.copyOf(checks);
        this.filters = List.copyOf(filters);
    }

    /** The checks that need nothing but the parsed documents. */
    public static List<Check> documentChecks() {
        return List.of(new ObjectIdentityCheck(), new DuplicateObjectCheck());
    }

    public LintResult lint(List<String> paths, InputStream stdin, LoadLimits limits) throws PathException {
        LoadResult load = new Loader(limits).load(paths, stdin);
        return lint(load);
    }

    public LintResult lint(LoadResult load) {
        List<Finding> findings = new ArrayList<>(load.findings());
        CheckContext ctx = new CheckContext(load);
        for (Check c : checks) {
            c.run(ctx, findings::add);
        }
        List<Finding> filtered = findings;
        for (FindingFilter f : filters) {
            filtered = new ArrayList<>(f.apply(load, filtered));
        }
        filtered.sort(Finding.ORDER);
        return new LintResult(load, List.copyOf(filtered));
    }
}
