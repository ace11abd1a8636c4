package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.GitRepo;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --new-from-rev} and {@code --staged} in real git repositories made by the test: findings are
 * matched by what they are about (never by line), the index is read without touching it, and every
 * git problem is exit 2 with a way out.
 */
class ChangeGateTest {
    private static final String NAS = """
            apiVersion: v1
            kind: Service
            metadata:
              name: %s
              namespace: website
            spec:
              type: ExternalName
              externalName: %s
              ports: [{port: 80}]
            """;
    private static final String CONFIG_MAP = """
            # settings, added above the old finding
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: website
            data: {a: b}
            ---
            """;

    @TempDir
    Path tmp;
    Path repo;
    GitRepo git;

    @BeforeEach
    void repository() throws IOException {
        assumeTrue(GitRepo.available(tmp), "git is not installed");
        git = GitRepo.init(tmp.resolve("repo"));
        repo = git.dir();
    }

    @Test
    void anEditAboveAnOldFindingDoesNotMakeItNew() throws IOException {
        write("k8s/nas.yaml", NAS.formatted("nas", "192.168.0.60"));
        commit();
        write("k8s/nas.yaml", CONFIG_MAP + NAS.formatted("nas", "192.168.0.60"));
        KgateRunner.Run moved = kgate("--new-from-rev", "HEAD");
        assertEquals(0, moved.exitCode(), moved::toString);
        assertTrue(moved.err().contains("1 finding already present at HEAD"), moved::toString);

        // the same mistake once more, in another object: that one is new, the old one stays quiet
        Files.writeString(repo.resolve("k8s/nas.yaml"), "---\n" + NAS.formatted("nas2", "10.0.0.1"),
                java.nio.file.StandardOpenOption.APPEND);
        KgateRunner.Run added = kgate("--new-from-rev", "HEAD");
        assertEquals(1, added.exitCode(), added::toString);
        assertTrue(added.out().contains("k8s/nas.yaml:26:3: error externalname-ip: externalName 10.0.0.1"),
                added::toString);
        assertFalse(added.out().contains("website/nas)"), added::toString);
        assertEquals(1, added.out().lines().filter(l -> l.contains("externalname-ip")).count(), added::toString);
    }

    @Test
    void aFileLineReferenceInTheMessageDoesNotMakeAFindingNew() throws IOException {
        write("k8s/a.yaml", NAS.formatted("nas", "nas.example.org"));
        write("k8s/b.yaml", NAS.formatted("nas", "nas.example.org"));
        commit();
        // the duplicate's message names k8s/a.yaml:4; lines inserted above move that to k8s/a.yaml:12
        write("k8s/a.yaml", CONFIG_MAP + NAS.formatted("nas", "nas.example.org"));
        KgateRunner.Run r = kgate("--new-from-rev", "HEAD");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("1 finding already present"), r::toString);
    }

    @Test
    void stagedChecksTheIndexAndNamesWorkingTreePaths() throws IOException {
        write("k8s/nas.yaml", NAS.formatted("nas", "nas.example.org"));
        commit();
        write("k8s/nas.yaml", NAS.formatted("nas", "192.168.0.60"));
        write("k8s/scratch.yaml", NAS.formatted("scratch", "192.168.0.61"));
        KgateRunner.Run unstaged = kgate("--staged", "--new-from-rev", "HEAD", "k8s");
        assertEquals(0, unstaged.exitCode(), unstaged::toString);

        git("add", "k8s/nas.yaml");
        KgateRunner.Run staged = kgate("--staged", "--new-from-rev", "HEAD", "k8s");
        assertEquals(1, staged.exitCode(), staged::toString);
        assertTrue(staged.out().startsWith("k8s/nas.yaml:8:3: error externalname-ip"), staged::toString);
        assertFalse(staged.out().contains("scratch"), "untracked files are not in the index:\n" + staged);
        assertFalse(staged.toString().contains("kgate-git-"), "no temporary path is shown:\n" + staged);
        assertTrue(git.git("status", "--porcelain").contains("?? k8s/scratch.yaml"),
                "the working tree and index are untouched");

        // without a base, --staged reports every finding of the index
        KgateRunner.Run all = kgate("--staged");
        assertEquals(1, all.exitCode(), all::toString);
        assertTrue(all.out().contains("k8s/nas.yaml:8:3: error externalname-ip"), all::toString);
    }

    @Test
    void withoutAnyCommitEverythingIsNew() throws IOException {
        write("k8s/nas.yaml", NAS.formatted("nas", "192.168.0.60"));
        KgateRunner.Run r = kgate("--new-from-rev", "HEAD");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("k8s/nas.yaml:8:3: error externalname-ip"), r::toString);
    }

    @Test
    void anUnknownRevisionSaysHowToFetchIt() throws IOException {
        write("k8s/nas.yaml", NAS.formatted("nas", "nas.example.org"));
        commit();
        KgateRunner.Run r = kgate("--new-from-rev", "origin/main");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--new-from-rev origin/main: no such commit") && r.err().contains("fetch-depth: 0"),
                r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void outsideARepositoryIsAUsageError() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("nas.yaml"), NAS.formatted("nas", "nas.example.org"));
        KgateRunner.Run r = KgateRunner.get().run(plain, new byte[0], List.of("--staged", "."));
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--staged needs a git repository"), r::toString);
    }

    @Test
    void standardInputCannotBeComparedWithGit() {
        KgateRunner.Run r = KgateRunner.get().run(repo, new byte[0], List.of("--new-from-rev", "HEAD", "-"));
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("not standard input"), r::toString);
    }

    private KgateRunner.Run kgate(String... args) {
        return git.kgate(args);
    }

    private void write(String rel, String text) throws IOException {
        git.write(rel, text);
    }

    private void commit() {
        git.commit("state");
    }

    private void git(String... args) {
        git.git(args);
    }
}
