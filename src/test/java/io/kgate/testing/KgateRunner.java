package io.kgate.testing;

import io.kgate.cli.KgateCommand;
import io.kgate.cli.KgateCommandLine;
import io.kgate.cli.KgateMain;
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

    /** What a bounded run cost: wall time, and CPU time and peak RSS where /usr/bin/time measured them (else -1). */
    record Usage(long wallMillis, long cpuMillis, long maxRssKiB) {
        /** CPU time when measured (it does not grow when other processes share the cores), else wall time. */
        public long millis() {
            return cpuMillis >= 0 ? cpuMillis : wallMillis;
        }

        @Override
        public String toString() {
            return wallMillis + " ms wall, " + (cpuMillis < 0 ? "?" : cpuMillis) + " ms CPU, "
                    + (maxRssKiB < 0 ? "?" : maxRssKiB / 1024) + " MiB peak RSS";
        }
    }

    /** A run in a process of its own, and what it cost. */
    record BoundedRun(Run run, Usage usage) {
        @Override
        public String toString() {
            return usage + "\n" + run;
        }
    }

    /**
     * Runs kgate in a process of its own, in the form under test (this build's classes in a fresh JVM,
     * or the native executable), with its heap capped at {@code maxHeapMiB}: using more is an
     * OutOfMemoryError (exit 3), not a slow machine. A run still going after {@code hangAfter} is
     * killed and fails the test. Measured by /usr/bin/time when it is installed.
     */
    static BoundedRun runBounded(int maxHeapMiB, java.time.Duration hangAfter, Path workDir, List<String> args) {
        List<String> cmd = new ArrayList<>();
        Path usage = null;
        try {
            if (Files.isExecutable(Path.of("/usr/bin/time"))) {
                usage = Files.createTempFile("kgate-usage", ".txt");
                cmd.addAll(List.of("/usr/bin/time", "-q", "-o", usage.toString(), "-f", "%U %S %M"));
            }
            String heap = "-Xmx" + maxHeapMiB + "m";
            if (isNative()) {
                cmd.add(Path.of(System.getProperty("kgate.binary")).toAbsolutePath().toString());
                cmd.add(heap); // read by the native image's runtime, not passed on to kgate
            } else {
                cmd.addAll(Binary.jvmCommand(heap));
            }
            cmd.addAll(args);
            long start = System.nanoTime();
            Run run = Binary.exec(workDir, new byte[0], cmd, hangAfter);
            long wall = (System.nanoTime() - start) / 1_000_000;
            long cpu = -1;
            long rss = -1;
            if (usage != null) {
                String[] f = Files.readString(usage).strip().split("\\s+");
                if (f.length == 3) {
                    cpu = Math.round((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1000);
                    rss = Long.parseLong(f[2]);
                }
            }
            return new BoundedRun(run, new Usage(wall, cpu, rss));
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } finally {
            if (usage != null) {
                try {
                    Files.deleteIfExists(usage);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    /**
     * Runs kgate in a process of its own, in the form under test, with these environment variables
     * added (what a run in this JVM cannot be given).
     */
    static Run withEnvironment(java.util.Map<String, String> env, String... args) {
        return Binary.exec(Path.of("").toAbsolutePath(), new byte[0], command(args), java.time.Duration.ofSeconds(120),
                env);
    }

    /**
     * Runs kgate in a process of its own, in the form under test, with options of its runtime before
     * kgate's arguments: the native executable's ({@code -XX:+PrintGC}) or the JVM's ({@code -Xlog:gc}).
     */
    static Run withRuntimeOptions(List<String> runtimeOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        if (isNative()) {
            cmd.add(Path.of(System.getProperty("kgate.binary")).toAbsolutePath().toString());
            cmd.addAll(runtimeOptions); // read by the native image's runtime, not passed on to kgate
        } else {
            cmd.addAll(Binary.jvmCommand(runtimeOptions.toArray(String[]::new)));
        }
        cmd.addAll(List.of(args));
        return Binary.exec(Path.of("").toAbsolutePath(), new byte[0], cmd, java.time.Duration.ofSeconds(120));
    }

    /** The command line of kgate in a process of its own, in the form under test. */
    static List<String> command(String... args) {
        String binary = System.getProperty("kgate.binary", "");
        List<String> cmd = new ArrayList<>(binary.isBlank() ? Binary.jvmCommand()
                : List.of(Path.of(binary).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
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
                String[] argv = args.toArray(String[]::new);
                CommandLine cl = KgateCommandLine.forArguments(new CommandLine(new KgateCommand()), argv);
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                int code = cl.execute(argv);
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
            List<String> cmd = new ArrayList<>(jvmCommand());
            cmd.addAll(args);
            return exec(workDir, stdin, cmd);
        }

        /** The command that runs this build's classes in a fresh JVM, with these JVM options. */
        static List<String> jvmCommand(String... jvmOptions) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(jvmOptions));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(KgateMain.class.getName());
            return cmd;
        }

        private static Run exec(Path workDir, byte[] stdin, List<String> cmd) {
            return exec(workDir, stdin, cmd, java.time.Duration.ofSeconds(120));
        }

        /** Kills the process and what it started (kgate under /usr/bin/time). */
        private static void kill(Process p) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }

        static Run exec(Path workDir, byte[] stdin, List<String> cmd, java.time.Duration hangAfter) {
            return exec(workDir, stdin, cmd, hangAfter, java.util.Map.of());
        }

        static Run exec(Path workDir, byte[] stdin, List<String> cmd, java.time.Duration hangAfter,
                java.util.Map<String, String> env) {
            try {
                Path outFile = Files.createTempFile("kgate-out", ".txt");
                Path errFile = Files.createTempFile("kgate-err", ".txt");
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                        .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
                pb.environment().put("NO_COLOR", "1");
                pb.environment().putAll(env);
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // the command may exit without reading its input
                }
                try {
                    if (!p.waitFor(hangAfter.toMillis(), TimeUnit.MILLISECONDS)) {
                        kill(p);
                        throw new AssertionError("kgate did not finish within " + hangAfter.toSeconds() + " s: " + cmd);
                    }
                } catch (InterruptedException e) {
                    kill(p); // a test timeout: leave no process behind
                    throw e;
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
}
