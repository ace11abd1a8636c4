package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .kgate.yaml is found in the working directory or above; --config wins over it. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ConfigDiscoveryTest {
    @Test
    void nearestConfigAboveTheWorkingDirectoryApplies(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".kgate.yaml"), "rules:\n  image-tag:\n    enabled: false\n"
                + "  probes:\n    severity: info\n");
        Path sub = Files.createDirectories(dir.resolve("k8s/apps"));
        assertEquals(dir.resolve(".kgate.yaml").toAbsolutePath(), Config.find(sub));
        RuleSet set = RuleSet.load(List.of(), null, sub);
        assertFalse(set.find("image-tag").orElseThrow().enabled());
        assertEquals(Severity.INFO, set.find("probes").orElseThrow().severity());
    }

    @Test
    void explicitConfigOverridesTheDiscoveredOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".kgate.yaml"), "rules:\n  image-tag:\n    enabled: false\n");
        Path other = Files.writeString(dir.resolve("other.yaml"), "profile: none\n");
        RuleSet set = RuleSet.load(List.of(), other, dir);
        assertNull(set.profile());
        assertEquals(true, set.find("image-tag").orElseThrow().enabled());
    }

    @Test
    void noConfigMeansDefaultProfile(@TempDir Path dir) throws Exception {
        // a temp dir may have a .kgate.yaml above it on a developer machine; only check when not
        if (Config.find(dir) == null) {
            assertEquals("pi-4gb", RuleSet.load(List.of(), null, dir).profile().name());
        }
    }

    /** Without configuration or rule directories every run gets the one default set (made while building natively). */
    @Test
    void theDefaultSetIsSharedOnlyWhenNothingChangesIt(@TempDir Path dir) throws Exception {
        assumeTrue(Config.find(dir) == null, "a .kgate.yaml above the temporary directory");
        RuleSet plain = RuleSet.load(List.of(), null, dir);
        assertSame(plain, RuleSet.load(List.of(), null, dir));
        Files.writeString(dir.resolve(".kgate.yaml"), "rules:\n  image-tag:\n    enabled: false\n");
        RuleSet configured = RuleSet.load(List.of(), null, dir);
        assertNotSame(plain, configured);
        assertFalse(configured.find("image-tag").orElseThrow().enabled());
        assertEquals(true, plain.find("image-tag").orElseThrow().enabled());
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.delete(dir.resolve(".kgate.yaml"));
        assertNotSame(plain, RuleSet.load(List.of(rules), null, dir));
    }
}
