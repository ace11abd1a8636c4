package io.kgate.testing;

import io.kgate.cli.KgateCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs kgate the way a user does and captures what it printed. By default the command runs in
 * this JVM; with {@code -Dkgate.binary=target/kgate} every test runs the native executable instead,
 * so the same suite proves the shipped form.
 */
public interface KgateRunner {
    /** Exit code and both output streams of one run. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Run run(Path workDir, byte[] stdin, List<String> args);

    default Run run(List<String> args) {
        return run(Path.of("").toAbsolutePath(), new byte[0], args);
    }

    default Run run(String... args) {
        return run(List.of(args));
    }

    /** The runner selected by {@code -Dkgate.binary}. */
    static KgateRunner get() {
        String binary = System.getProperty("kgate.binary", "");
        return binary.isBlank() ? new InProcess() : new Binary(Path.of(binary).toAbsolutePath());
    }

    static boolean isNative() {
        return !System.getProperty("kgate.binary", "").isBlank();
    }

    /** Picocli in this JVM; the working directory is emulated by running from the project root. */
    final class InProcess implements KgateRunner {
        @Override
        public synchronized Run run(Path workDir, byte[] stdin, List<String> args) {
            if (!workDir.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath().normalize())) {
                return new Binary(null).runJvm(workDir, stdin, args);
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            InputStream oldIn = System.in;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream stray = new ByteArrayOutputStream();
            try {
                System.setIn(new ByteArrayInputStream(stdin));
                System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
                CommandLine cl = new CommandLine(new KgateCommand());
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                int code = cl.execute(args.toArray(String[]::new));
                return new Run(code, out.toString(), err + stray.toString(StandardCharsets.UTF_8));
            } finally {
                System.setIn(oldIn);
                System.setErr(oldErr);
            }
        }
    }

    /** A separate process: the native executable, or this JVM's java with the built jar. */
    final class Binary implements KgateRunner {
        private final Path executable;

        public Binary(Path executable) {
            this.executable = executable;
        }

        @Override
        public Run run(Path workDir, byte[] stdin, List<String> args) {
            List<String> cmd = new ArrayList<>();
            cmd.add(executable.toString());
            cmd.addAll(args);
            return exec(workDir, stdin, cmd);
        }

        /**
         * Runs this build's classes in a fresh JVM in another directory (the packaged jar may be stale
         * while tests run, so it is not used).
         */
        Run runJvm(Path workDir, byte[] stdin, List<String> args) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(args);
            return exec(workDir, stdin, cmd);
        }

        private static Run exec(Path workDir, byte[] stdin, List<String> cmd) {
            try {
                Path outFile = Files.createTempFile("kgate-out", ".txt");
                Path errFile = Files.createTempFile("kgate-err", ".txt");
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                        .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
                pb.environment().put("NO_COLOR", "1");
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // the command may exit without reading its input
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("kgate did not finish within 120 s: " + cmd);
                }
                Run r = new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
                return r;
            } catch (IOException e) {
                throw new AssertionError("cannot run " + cmd, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Entry point for running the command class without the packaged jar. */
    final class Main {
        public static void main(String[] args) {
            System.exit(new CommandLine(new KgateCommand()).execute(args));
        }
    }
}
