package io.kgate.check;

import io.kgate.finding.Severity;
import io.kgate.finding.Finding;
import io.kgate.load.LoadResult;
import java.util.List;

/** What one run found, in report order. */
public record LintResult(LoadResult load, List<Finding> findings) {
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** True when some finding is at or above {@code failOn}: the run's exit code is then 1. */
    public boolean fails(Severity failOn) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
