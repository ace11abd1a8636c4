package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kgate, started as a user starts it: {@code target/kgate} after {@code package}, which is the native
 * executable in the native build and the launcher of the jar in the JVM build (failsafe runs this class in both).
 * In the JVM build the rest of the suite runs kgate's classes on the test class path, not the jar with its
 * Quarkus class loader and launcher.
 */
class PackagedFormIT {
    private static final KgateRunner KGATE =
            new KgateRunner.Binary(Path.of(System.getProperty("kgate.binary", "target/kgate")).toAbsolutePath());

    private static KgateRunner.Run run(Path workDir, String... args) {
        return KGATE.run(workDir.toAbsolutePath(), new byte[0], List.of(args));
    }

    @Test
    void printsItsVersionAndNothingElse() throws Exception {
        KgateRunner.Run r = run(Path.of("."), "--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().matches("kgate \\S+\n"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** The example runs cel rules: in a JVM, the JDK's warning about protobuf's use of sun.misc.Unsafe is not printed. */
    @Test
    void theBundledExampleHasNoFindingAndNoWarning() throws Exception {
        KgateRunner.Run r = run(Path.of("."), "testdata/split-architecture");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(": 0 errors, 0 warnings, 0 infos"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void findingsExitWithOne() throws Exception {
        KgateRunner.Run r = run(Path.of("."), "testdata/duplicate-service");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("error duplicate-object"), r::toString);
    }

    /**
     * In the working directory, the user's repository, Quarkus settings are not kgate's: kgate does not start the
     * Quarkus application, which is what would read them.
     */
    @Test
    void quarkusSettingsInTheWorkingDirectoryAreNotRead(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.properties"),
                "quarkus.log.level=DEBUG\nquarkus.log.min-level=DEBUG\nquarkus.log.console.stderr=true\n");
        // a repository holding a Quarkus service of its own may well have one: this value stopped kgate at start-up
        Files.writeString(dir.resolve(".env"), "QUARKUS_LOG_LEVEL=nonsense\n");
        KgateRunner.Run r = run(dir, "--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
    }
}
