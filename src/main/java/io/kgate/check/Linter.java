package io.kgate.check;

import io.kgate.check.doc.DuplicateObjectCheck;
import io.kgate.check.doc.ObjectIdentityCheck;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The pipeline: load the paths, run every check over the whole tree, order the findings. */
public final class Linter {
    private final List<Check> checks;

    public Linter(List<Check> checks) {
        this.checks = List.copyOf(checks);
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
        findings.sort(Finding.ORDER);
        return new LintResult(load, List.copyOf(findings));
    }
}
