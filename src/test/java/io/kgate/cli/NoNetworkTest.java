package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kgate opens no network connection unless a cluster command asks for one, on a machine whose host name is not
 * in /etc/hosts either (resolving it is a DNS query: the native executable's start-up once did, for a log record).
 * Traced with strace in a UTS namespace of its own; skipped where those are not available (needs root).
 */
class NoNetworkTest {
    @ParameterizedTest
    @ValueSource(strings = {"--version", "testdata/split-architecture", "testdata/duplicate-service"})
    void noSocketIsConnected(String arg, @TempDir Path dir) throws IOException, InterruptedException {
        assertNoNetwork(Path.of("").toAbsolutePath(), List.of(arg), dir);
    }

    /** Quarkus settings in the working directory (which kgate does not read) asking for debug logs: still no lookup. */
    @Test
    void noSocketIsConnectedBesideAQuarkusSettingsFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path repo = Files.createDirectories(dir.resolve("repo/config"));
        Files.writeString(repo.resolve("application.properties"), "quarkus.log.level=DEBUG\n");
        Files.writeString(repo.getParent().resolve(".env"), "QUARKUS_LOG_LEVEL=DEBUG\nQUARKUS_LOG_MIN_LEVEL=DEBUG\n");
        assertNoNetwork(repo.getParent(), List.of("--version"), dir);
    }

    private static void assertNoNetwork(Path workDir, List<String> args, Path dir) throws IOException, InterruptedException {
        String arg = String.join(" ", args);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "needs strace and unshare");
        Path trace = dir.resolve("trace.txt");
        List<String> kgate = KgateRunner.command(args.toArray(String[]::new));
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/unshare", "--uts", "sh", "-c",
                "hostname kgate-not-in-etc-hosts && exec \"$@\"", "sh",
                "/usr/bin/strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg", "-o", trace.toString()));
        cmd.addAll(kgate);
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        String err = Files.readString(dir.resolve("err.txt"));
        assumeTrue(Files.exists(trace) && !err.contains("unshare failed") && !err.contains("Operation not permitted"),
                () -> "no namespace or trace here: " + err);
        List<String> network = Files.readAllLines(trace).stream()
                .filter(l -> l.contains("AF_INET") || l.contains("htons(53)")).toList();
        assertEquals(List.of(), network, () -> "kgate " + arg + " used the network; stderr:\n" + err);
    }
}
