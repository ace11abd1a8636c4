package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/kgate of the JVM build (src/main/launcher/kgate, copied there by the build): it runs the
 * jar with a Java 25 or newer, and any other Java gets one clear line and exit 2, never a stack
 * trace. The machine's /usr/bin/java is an older Java (17 on the build machine).
 */
class LauncherTest {
    @TempDir
    Path target;

    @BeforeEach
    void layout() throws IOException {
        Files.copy(Path.of("src/main/launcher/kgate"), target.resolve("kgate"), StandardCopyOption.COPY_ATTRIBUTES);
    }

    @Test
    void anOlderJavaOnThePathGetsOneClearLine() throws IOException {
        Path java = Path.of("/usr/bin/java");
        assumeTrue(Files.isExecutable(java), "no /usr/bin/java");
        Path home = java.toRealPath().getParent().getParent();
        String release = Files.exists(home.resolve("release")) ? Files.readString(home.resolve("release")) : "";
        assumeTrue(release.matches("(?s).*JAVA_VERSION=\"(1[0-9]|2[0-4]|[1-9])[.\"].*"), "/usr/bin/java is not older than 25");
        Run r = launch(Map.of("PATH", "/usr/bin:/bin"));
        assertEquals(2, r.code, r::toString);
        assertEquals(1, r.err.lines().count(), r::toString);
        assertTrue(r.err.startsWith("kgate: /usr/bin/java (the java on PATH) is Java "), r::toString);
        assertTrue(r.err.contains("kgate needs Java 25 or newer: set JAVA_HOME to a JDK 25"), r::toString);
        assertFalse(r.err.contains("Exception") || r.err.contains("Error"), r::toString);
    }

    @Test
    void aJavaHomeWithoutJavaSaysSo() {
        Run r = launch(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", target.resolve("no-jdk").toString()));
        assertEquals(2, r.code, r::toString);
        assertTrue(r.err.startsWith("kgate: no Java found (JAVA_HOME=" + target.resolve("no-jdk") + ")"), r::toString);
    }

    @Test
    void aMissingJarIsNamed() {
        Run r = launch(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")));
        assertEquals(2, r.code, r::toString);
        assertTrue(r.err.contains("quarkus-app/quarkus-run.jar is missing: build it with ./mvnw package"), r::toString);
    }

    @Test
    void withJava25ItRunsTheJar() throws IOException {
        Path app = Path.of("target/quarkus-app").toAbsolutePath();
        assumeTrue(Files.exists(app.resolve("quarkus-run.jar")), "the jar is not built yet (package runs after the tests)");
        Files.createSymbolicLink(target.resolve("quarkus-app"), app);
        Run r = launch(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")), "--version");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.startsWith("kgate "), r::toString);
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(Map<String, String> env, String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = target.resolve("kgate").toString();
            System.arraycopy(args, 0, cmd, 1, args.length);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().clear();
            pb.environment().putAll(env);
            Path out = Files.createTempFile(target, "out", ".txt");
            Path err = Files.createTempFile(target, "err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not finish");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
