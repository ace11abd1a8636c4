package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kgate, started as a user starts it: {@code target/kgate} after {@code package}, which is the native
 * executable in the native build and the launcher of the jar in the JVM build (failsafe runs this class in both).
 * In the JVM build the rest of the suite runs kgate's classes on the test class path, not the jar with its
 * Quarkus class loader and launcher.
 */
class PackagedFormIT {
    private static final Path KGATE = Path.of(System.getProperty("kgate.binary", "target/kgate")).toAbsolutePath();

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(KGATE.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("kgate-out", ".txt");
        Path err = Files.createTempFile("kgate-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " still running after 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void printsItsVersionAndNothingElse() throws Exception {
        Run r = run(Path.of("."), "--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().matches("kgate \\S+\n"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    /** The example runs cel rules: in a JVM, the JDK's warning about protobuf's use of sun.misc.Unsafe is not printed. */
    @Test
    void theBundledExampleHasNoFindingAndNoWarning() throws Exception {
        Run r = run(Path.of("."), "testdata/split-architecture");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(": 0 errors, 0 warnings, 0 infos"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void findingsExitWithOne() throws Exception {
        Run r = run(Path.of("."), "testdata/duplicate-service");
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
        Run r = run(dir, "--version");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
    }
}
