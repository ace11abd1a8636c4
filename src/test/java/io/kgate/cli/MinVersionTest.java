package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minVersion:} in .kgate.yaml: an older kgate stops with exit 2 and names the version needed. */
class MinVersionTest {
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

    @TempDir
    Path dir;

    @Test
    void anOlderKgateNamesTheVersionTheRepositoryNeeds() throws IOException {
        KgateRunner.Run r = runWith("# the team's kgate\nminVersion: 99.1.0\n");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(".kgate.yaml:2:13: this repository needs kgate 99.1.0 or newer (minVersion), "
                + "and this is kgate " + VersionProvider.version() + ": install a newer kgate"), r::toString);
        assertTrue(r.out().isEmpty(), r::toString);
    }

    @Test
    void aSufficientVersionRunsAsUsual() throws IOException {
        KgateRunner.Run r = runWith("minVersion: \"0.0.1\"\n");
        assertEquals(0, r.exitCode(), r::toString);
        KgateRunner.Run bare = runWith("minVersion: 0.0.9\nprofile: none\n");
        assertEquals(0, bare.exitCode(), bare::toString);
    }

    @Test
    void aMalformedVersionIsAConfigError() throws IOException {
        KgateRunner.Run r = runWith("minVersion: [1, 2]\n");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(".kgate.yaml:1:13: minVersion must be a version such as 0.2.0"), r::toString);
    }

    private KgateRunner.Run runWith(String config) throws IOException {
        Files.writeString(dir.resolve(".kgate.yaml"), config);
        Files.writeString(dir.resolve("settings.yaml"), CONFIG_MAP);
        return KgateRunner.get().run(dir, new byte[0], List.of("settings.yaml"));
    }
}
