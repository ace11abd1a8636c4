package io.kgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: every case ends with a clear message naming the file (and the line),
 * a defined exit code, bounded time and memory, and the input left untouched.
 */
class BadInputTest {
    private final KgateRunner kgate = KgateRunner.get();

    @TempDir
    Path dir;

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n";

    @Test
    void nonExistentPathIsAUsageErrorNamingIt() {
        KgateRunner.Run run = kgate.run(dir.resolve("missing").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(dir.resolve("missing") + ": no such file or directory"), run::toString);
    }

    /** Files are found on one thread while others read them: a missing path after a tree still stops the run. */
    @Test
    void nonExistentPathAfterATreeIsAUsageErrorAndNoReport() throws IOException {
        for (int i = 0; i < 200; i++) {
            Files.writeString(dir.resolve("cm-" + i + ".yaml"), CONFIG_MAP.replace("name: ok", "name: ok-" + i));
        }
        KgateRunner.Run run = kgate.run(dir.toString(), dir.resolve("missing").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(dir.resolve("missing") + ": no such file or directory"), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    /** The walk goes down one level of directories per call: a tree as deep as paths allow is walked. */
    @Test
    void aDirectoryTreeAsDeepAsPathsAllowIsWalked() throws IOException {
        Path deep = dir;
        for (int i = 0; i < 1000; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("cm.yaml"), CONFIG_MAP);
        Files.writeString(dir.resolve("cm.yaml"), CONFIG_MAP.replace("name: ok", "name: top"));
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("2 files, 2 documents, 2 objects"), run::toString);
    }

    @Test
    void brokenSymlinkInsideATreeIsReportedAndTheRestIsChecked() throws IOException {
        Files.writeString(dir.resolve("good.yaml"), CONFIG_MAP);
        Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(dir.resolve("gone.yaml") + ":1:1: error file-read: cannot read file"), run::toString);
        assertTrue(run.out().contains("1 object"), run::toString);
    }

    /**
     * A file reached by several paths (given and found in its directory, a symbolic link to it, a hard
     * link) is one file: read once, not reported as its own duplicate.
     */
    @Test
    void aFileReachedByManyPathsIsReadOnce() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("k8s"));
        Path f = sub.resolve("cm.yaml");
        Files.writeString(f, CONFIG_MAP);
        Files.createSymbolicLink(sub.resolve("link.yaml"), f);
        Files.createLink(dir.resolve("hard.yaml"), f);
        KgateRunner.Run run = kgate.run(dir.toString(), f.toString(), sub.resolve("link.yaml").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("1 file, 1 document, 1 object"), run::toString);
        assertFalse(run.out().contains("duplicate-object"), run::toString);
    }

    /**
     * Files are read while the walk goes on; of the paths of one file, the first in path order still
     * names it in the report.
     */
    @Test
    void aFileFoundByManyPathsIsReportedUnderTheFirstInOrder() throws IOException {
        Path f = dir.resolve("z-target.yaml");
        Files.writeString(f, CONFIG_MAP.replace("name: ok", "name: Not_Valid"));
        for (int i = 0; i < 20; i++) {
            Files.createSymbolicLink(dir.resolve("link-" + i + ".yaml"), f);
        }
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(dir.resolve("link-0.yaml") + ":4:3: error schema: metadata.name \"Not_Valid\""),
                run::toString);
        assertTrue(run.out().contains("1 file, 1 document, 1 object: 1 error"), run::toString);
    }

    @Test
    void unreadableFileIsReportedWithItsName() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
        Path f = dir.resolve("secret.yaml");
        Files.writeString(f, CONFIG_MAP);
        assertTrue(f.toFile().setReadable(false));
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(f + ":1:1: error file-read: cannot read file: permission denied"), run::toString);
    }

    @Test
    void directoryWithoutManifestsFailsTheGateAndSaysSo() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# not a manifest\n");
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("error no-objects: no Kubernetes objects under " + dir), run::toString);
        KgateRunner.Run allowed = kgate.run("--allow-empty", dir.toString());
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertTrue(allowed.out().contains("no Kubernetes objects found"), allowed::toString);
    }

    @Test
    void binaryFileWithYamlExtensionIsAnErrorNotACrash() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[100] = 0;
        Files.write(dir.resolve("image.yaml"), bytes);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("image.yaml:"), run::toString);
        assertTrue(run.out().contains("error yaml-syntax: binary data (NUL byte at offset"), run::toString);
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        byte[] head = (CONFIG_MAP + "data:\n  k: \"").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by no continuation byte
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '\n';
        Files.write(dir.resolve("latin1.yaml"), bytes);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("latin1.yaml:6:7: error yaml-syntax: invalid UTF-8 (byte 0xC3"), run::toString);
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n");
        sb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        Files.writeString(dir.resolve("bomb.yaml"), sb + "---\n" + CONFIG_MAP);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("error yaml-syntax: aliases expand to more than"), run::toString);
        assertTrue(run.out().contains("1 object"), "the next document is still read: " + run);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String block = "a:\n" + buildBlockNesting(10_000);
        Files.writeString(dir.resolve("flow.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + deep + "\n");
        Files.writeString(dir.resolve("block.yaml"), block);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("flow.yaml:4:"), run::toString);
        assertTrue(run.out().contains("block.yaml:"), run::toString);
        assertTrue(run.out().contains("nesting deeper than 256 levels"), run::toString);
        assertFalse(run.err().contains("StackOverflowError"), run::toString);
    }

    private static String buildBlockNesting(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            sb.append(" ".repeat(i)).append("k:\n");
        }
        return sb.toString();
    }

    @Test
    void fileLargerThanTheLimitIsRefusedWithItsSize() throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, CONFIG_MAP + "data:\n  pad: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n");
        KgateRunner.Run run = kgate.run("--max-file-size", "1", dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("big.yaml:1:1: error file-read: file is 2.0 MiB, larger than the 1 MiB limit"),
                run::toString);
    }

    @Test
    void fiftyMegabyteFileIsReadInBoundedMemory() throws IOException {
        Path f = dir.resolve("fifty.yaml");
        String doc = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\ndata:\n  payload: \"%s\"\n---\n";
        String pad = "y".repeat(1000);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; out != null && Files.size(f) < 50L * 1024 * 1024; i++) {
                for (int k = 0; k < 1000; k++) {
                    out.write(String.format(doc, i * 1000 + k, pad).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        }
        KgateRunner.Run run = kgate.run(f.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s).*kgate: 1 file, \\d{5} documents, \\d{5} objects: 0 errors.*"), run::toString);
    }

    @Test
    void symlinkLoopIsSkippedWithAReason() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("cm.yaml"), CONFIG_MAP);
        Files.createSymbolicLink(sub.resolve("loop"), dir);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("skipped: symbolic link loop"), run::toString);
        assertTrue(run.out().contains("1 object"), run::toString);
    }

    @Test
    void standardInputIsNamedDash() {
        KgateRunner.Run run = kgate.run(Path.of("").toAbsolutePath(), (CONFIG_MAP + "---\nkind: Service\n")
                .getBytes(StandardCharsets.UTF_8), java.util.List.of("-"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("-:6:1: error object-identity: missing apiVersion"), run::toString);
    }

    @Test
    void standardInputWithoutObjectsIsAnErrorNotASkip() {
        KgateRunner.Run run = kgate.run(Path.of("").toAbsolutePath(), "- a\n- b\n".getBytes(StandardCharsets.UTF_8),
                java.util.List.of("-"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("-:1:1: error object-identity: document is an array, not a Kubernetes object"),
                run::toString);
    }

    @Test
    void nonAsciiFileNamesWorkWhateverTheLocale() throws IOException {
        // regression: without a UTF-8 locale the JVM cannot map such names to a Path (was exit 3)
        // created by the shell from UTF-8 bytes: this JVM may not be able to name the file itself
        Process p = new ProcessBuilder("sh", "-c", "printf 'kind: Broken\\n' > \"$(printf 'gr\\303\\266\\303\\237e.yaml')\"")
                .directory(dir.toFile()).inheritIO().start();
        assertEquals(0, waitFor(p));
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(".yaml:1:1: error object-identity: missing apiVersion"), run::toString);
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void neverWritesToTheFilesItReads() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), CONFIG_MAP);
        Files.writeString(dir.resolve("b.yaml"), "broken: [\n");
        Files.setLastModifiedTime(dir.resolve("a.yaml"), FileTime.fromMillis(1_000_000_000_000L));
        Map<String, String> before = snapshot(dir);
        KgateRunner.Run run = kgate.run(dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        KgateRunner.Run refused = kgate.run("--output", "json=" + dir.resolve("a.yaml"), dir.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("kgate never writes to the files it reads"), refused::toString);
        assertEquals(before, snapshot(dir));
    }

    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(digest) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
