package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import org.junit.jupiter.api.Test;

/**
 * Each run builds its own rule catalogue: what one run's --rules added is unknown to the next run in
 * the same JVM (in-process, as the tests and any embedding run kgate). Against the native binary
 * every run is a fresh process, and the test holds all the more.
 */
class RunIsolationTest {
    private static final String USER_RULE = "readonly-root-writable-dirs-redis";
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void aUserRuleOfOneRunIsUnknownToTheNext() {
        KgateRunner.Run with = kgate.run("--rules", "testdata/config-file/rules", "--only", USER_RULE,
                "--output", "sarif", "testdata/config-file");
        assertEquals(1, with.exitCode(), with::toString);
        assertTrue(with.out().contains("redis containers with a read-only root file system"), with::toString);

        KgateRunner.Run without = kgate.run("--only", USER_RULE, "testdata/config-file");
        assertEquals(2, without.exitCode(), without::toString);
        assertTrue(without.err().contains("--only: unknown rule '" + USER_RULE + "'"), without::toString);

        KgateRunner.Run rules = kgate.run("rules");
        assertFalse(rules.out().contains(USER_RULE), rules::toString);
    }

    @Test
    void aConfigOfOneRunDoesNotChangeTheNext() {
        KgateRunner.Run off = kgate.run("--config", "testdata/config-file/kgate-config.yaml", "--only", "image-tag",
                "--output", "json", "--fail-on", "info", "testdata/rule-image-tag-fail");
        assertEquals(0, off.exitCode(), off::toString);
        KgateRunner.Run on = kgate.run("--only", "image-tag", "--output", "json", "--fail-on", "info",
                "testdata/rule-image-tag-fail");
        assertEquals(1, on.exitCode(), on::toString);
    }
}
