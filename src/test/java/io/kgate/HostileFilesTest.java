package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import io.kgate.testing.KgateRunner.BoundedRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would hang or exhaust a naive reader. Each run is a process of its own in the form under
 * test (JVM or native) with its heap capped at 768 MiB, must need at most 10 s of CPU, and is killed
 * (failing the test) if it is still running after a minute: a bound against hangs and quadratic
 * work, not a speed measurement (those are in src/bench).
 */
class HostileFilesTest {
    private static final int MAX_HEAP_MIB = 768;
    private static final long MAX_MILLIS = 10_000;
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n";

    @TempDir
    Path dir;

    private BoundedRun kgate(String... args) {
        BoundedRun r = KgateRunner.runBounded(MAX_HEAP_MIB, HANG, Path.of("").toAbsolutePath(), List.of(args));
        assertTrue(r.usage().millis() <= MAX_MILLIS, () -> "took more than " + MAX_MILLIS + " ms: " + r);
        return r;
    }

    @Test
    void pipesSocketsAndDevicesInADirectoryAreSkippedWithTheReason() throws Exception {
        Files.writeString(dir.resolve("good.yaml"), CONFIG_MAP);
        assertEquals(0, exec("mkfifo", dir.resolve("fifo.yaml").toString()), "mkfifo");
        Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        boolean device = exec("mknod", dir.resolve("null.yaml").toString(), "c", "1", "3") == 0; // needs root
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(dir.resolve("sock.yaml")));
            BoundedRun r = kgate(dir.toString());
            String out = r.run().out();
            assertEquals(0, r.run().exitCode(), r::toString);
            assertTrue(out.contains(dir.resolve("fifo.yaml") + ": skipped: a named pipe (FIFO): not read"), r::toString);
            assertTrue(out.contains(dir.resolve("sock.yaml") + ": skipped: a socket: not read"), r::toString);
            assertTrue(out.contains(dir.resolve("zero.yaml") + ": skipped: symbolic link to /dev/zero, a character device: "
                    + "not read"), r::toString);
            if (device) {
                assertTrue(out.contains(dir.resolve("null.yaml") + ": skipped: a character device: not read"), r::toString);
            }
            assertTrue(out.contains("kgate: 1 file, 1 document, 1 object: 0 errors"), r::toString);
            // listed in path order, whatever order the file system lists them in
            assertTrue(out.indexOf("fifo.yaml:") < out.indexOf("sock.yaml:")
                    && out.indexOf("sock.yaml:") < out.indexOf("zero.yaml:"), r::toString);
        }
    }

    @Test
    void anEndlessDeviceGivenByNameIsReadOnlyUpToTheSizeLimit() throws IOException {
        // a path given by name may be a pipe (kgate <(kustomize build)), so it is read, but never past the limit
        Path zero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        BoundedRun r = kgate("--max-file-size", "1", zero.toString());
        assertEquals(1, r.run().exitCode(), r::toString);
        assertTrue(r.run().out().contains(zero + ":1:1: error file-read: file is larger than the 1 MiB limit "
                + "(--max-file-size)"), r::toString);
    }

    @Test
    void aFiftyMegabyteScalarIsReadInBoundedTimeAndMemory() throws IOException {
        Path f = dir.resolve("big.yaml");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(CONFIG_MAP + "data:\n  payload: ");
            char[] block = "0123456789abcdef".repeat(4096).toCharArray();
            for (long written = 0; written < 50L * 1000 * 1000; written += block.length) {
                w.write(block); // one plain scalar on one line: the scanner looks ahead over all of it
            }
            w.write("\n---\n" + CONFIG_MAP.replace("name: ok", "name: after"));
        }
        BoundedRun r = kgate(f.toString());
        assertEquals(0, r.run().exitCode(), r::toString);
        assertTrue(r.run().out().contains("kgate: 1 file, 2 documents, 2 objects: 0 errors"), r::toString);
    }

    @Test
    void anEightMegabyteFlowMappingOnOneLineIsReadInBoundedTimeAndMemory() throws IOException {
        Path f = dir.resolve("flow.yaml");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}, data: {".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; Files.size(f) < 8L * 1000 * 1000; i++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < 1000; k++) {
                    sb.append("key-").append(i * 1000 + k).append(": \"value ").append(k).append("\", ");
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("last: \"\"}}\n".getBytes(StandardCharsets.UTF_8));
        }
        BoundedRun r = kgate(f.toString());
        assertEquals(0, r.run().exitCode(), r::toString);
        assertTrue(r.run().out().contains("kgate: 1 file, 1 document, 1 object: 0 errors"), r::toString);
    }

    @Test
    void hugeNumbersAreReadInLinearTime() throws IOException {
        // exact parsing of a long number is quadratic: 400,000 digits took 12 s, 2,000,000 digits minutes
        String digits = "7".repeat(2_000_000);
        Path f = Files.writeString(dir.resolve("numbers.yaml"), """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: claim
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: %sGi
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: numbers
                data:
                  count: %s
                """.formatted(digits, digits));
        BoundedRun r = kgate(f.toString());
        assertTrue(r.run().exitCode() == 0 || r.run().exitCode() == 1, r::toString);
        assertTrue(r.run().out().contains("2 documents, 2 objects"), r::toString);
        assertTrue(r.run().out().contains(f + ":16:3: error schema"), "a number is not a ConfigMap value: " + r);
    }

    private static int exec(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
