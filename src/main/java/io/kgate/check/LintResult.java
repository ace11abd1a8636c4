package io.kgate.check;

import io.kgate.finding.Severity;
import io.kgate.finding.Finding;
import io.kgate.finding.PackedFindings;
import io.kgate.load.LoadResult;
import io.kgate.unit.Unit;
import java.util.List;

/** What one run found, in report order, and the deployment units its objects were linked in. */
public record LintResult(LoadResult load, List<Finding> findings, List<Unit> units) {
    public LintResult(LoadResult load, List<Finding> findings) {
        this(load, findings, List.of());
    }

    public long count(Severity s) {
        // a large run's findings are packed (Linter): counted there without reading them back
        return findings instanceof PackedFindings p ? p.count(s) : findings.stream().filter(f -> f.severity() == s).count();
    }

    /** True when some finding is at or above {@code failOn}: the run's exit code is then 1. */
    public boolean fails(Severity failOn) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
