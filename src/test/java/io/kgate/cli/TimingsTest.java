package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KGATE_TIMINGS prints every phase of a run, and is read when the run happens: the native binary once
 * printed nothing, because a static field had fixed it when the image was built.
 */
class TimingsTest {
    private static final List<String> PHASES = List.of("rule files", "schemas and checks",
            "read, parse, file pass", "tree pass, filters", "reports");
    /** The steps of the file pass and of the tree pass, indented, each printed before its phase. */
    private static final List<String> STEPS = List.of("files found", "files read, checked alone", "units",
            "deferred object checks", "graphs, tasks prepared", "checks", "filters, masking, order");

    @Test
    void everyPhaseIsTimedWhenAsked() {
        KgateRunner.Run run = KgateRunner.withEnvironment(Map.of("KGATE_TIMINGS", "1"), "testdata/split-architecture");
        assertEquals(0, run.exitCode(), run::toString);
        for (String phase : PHASES) {
            assertTrue(run.err().lines().anyMatch(l -> l.startsWith("kgate: timings: " + phase + " ")),
                    () -> "no timing of " + phase + ":\n" + run);
        }
        for (String step : STEPS) {
            assertTrue(run.err().lines().anyMatch(l -> l.startsWith("kgate: timings:   " + step + " ")),
                    () -> "no timing of step " + step + ":\n" + run);
        }
        // the example's cross-object rules run as tasks of the tree pass, each timed by its rule
        for (String task : List.of("RuleEngine", "service-endpoints", "ingress-backend")) {
            assertTrue(run.err().lines().anyMatch(l -> l.matches("kgate: timings: {5}task " + task + " +[0-9.]+ ms")),
                    () -> "no time of task " + task + ":\n" + run);
        }
        assertFalse(run.out().contains("timings"), "timings go to standard error only");
    }

    @Test
    void nothingIsTimedOtherwise() {
        KgateRunner.Run run = KgateRunner.withEnvironment(Map.of(), "testdata/split-architecture");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.err().contains("timings"), run::toString);
    }
}
