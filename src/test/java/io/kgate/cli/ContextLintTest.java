package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial runs within a context tree (the pre-commit shape): the checks see the whole tree, the
 * report covers only the given files.
 */
class ContextLintTest {
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
              namespace: website
            spec:
              selector:
                app: frontend
              ports:
                - port: 80
            """;

    @TempDir
    Path repo;
    private final KgateRunner kgate = KgateRunner.get();

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(repo.resolve(".git")); // marks the git top-level; no git needed
        write("a/service.yaml", SERVICE);
        write("b/service.yaml", "# a copy of a/service.yaml\n" + SERVICE);
        write("c/broken.yaml", "apiVersion: v1\nkind: [ConfigMap\n");
    }

    private void write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void aChangedFileIsCheckedAgainstTheWholeContext() {
        KgateRunner.Run run = kgate.run("--context", repo.toString(), repo.resolve("b/service.yaml").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(repo.resolve("b/service.yaml") + ":5:3: error duplicate-object: Service website/frontend is "
                + "already defined at " + repo.resolve("a/service.yaml") + ":4 (Service website/frontend)\n"
                + "kgate: 1 file, 1 document, 1 object: 1 error, 0 warnings, 0 infos\n", run.out());
    }

    @Test
    void aConflictIsReportedInTheChangedFileWhicheverComesFirstInTheTree() {
        KgateRunner.Run run = kgate.run("--context", repo.toString(), repo.resolve("a/service.yaml").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(repo.resolve("a/service.yaml") + ":4:3: error duplicate-object: "),
                run::toString);
    }

    @Test
    void findingsInOtherFilesOfTheContextAreNotReported() {
        KgateRunner.Run run = kgate.run("--context", repo.toString(), "--output", "json",
                repo.resolve("a/service.yaml").toString());
        assertTrue(!run.out().contains("broken.yaml"), run::toString);
    }

    @Test
    void aDirectoryWithAContextReportsEverythingUnderIt() {
        KgateRunner.Run run = kgate.run("--context", repo.toString(), repo.resolve("c").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(repo.resolve("c/broken.yaml") + ":2:7: error yaml-syntax"), run::toString);
        assertEquals(2, run.out().lines().count(), run::toString);
    }

    @Test
    void withoutContextTheFileIsCheckedAlone() {
        KgateRunner.Run run = kgate.run("--no-context", repo.resolve("b/service.yaml").toString());
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void theDefaultContextIsTheGitTopLevelWhenOnlyFilesAreGiven() throws IOException {
        Files.createDirectories(repo.resolve("b/deeper"));
        // run from a subdirectory, as a user would: the top-level is found upwards
        KgateRunner.Run run = kgate.run(repo.resolve("b"), new byte[0], List.of("service.yaml"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("service.yaml:5:3: error duplicate-object: Service website/frontend is already "
                + "defined at ../a/service.yaml:4"), run::toString);
        KgateRunner.Run dir = kgate.run(repo.resolve("b"), new byte[0], List.of("."));
        assertEquals(0, dir.exitCode(), () -> "a directory is not a pre-commit call: no default context\n" + dir);
    }

    @Test
    void aContextThatIsNotADirectoryIsAUsageError() {
        KgateRunner.Run run = kgate.run("--context", repo.resolve("a/service.yaml").toString(),
                repo.resolve("b/service.yaml").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("kgate: --context " + repo.resolve("a/service.yaml") + ": not a directory\n", run.err());
    }

    @Test
    void theDefaultContextIsTheRepositoryOfTheFilesNotOfTheWorkingDirectory(@TempDir Path elsewhere)
            throws IOException {
        // regression: run from inside another repository, a file outside it was linted against that
        // repository's whole tree (seconds per file, and links to unrelated objects)
        Files.writeString(elsewhere.resolve("service.yaml"), SERVICE);
        KgateRunner.Run run = kgate.run(repo.resolve("b"), new byte[0],
                List.of(elsewhere.resolve("service.yaml").toString()));
        assertEquals(0, run.exitCode(), () -> "no repository around the file: no context\n" + run);
        KgateRunner.Run inRepo = kgate.run(elsewhere, new byte[0], List.of(repo.resolve("b/service.yaml").toString()));
        assertEquals(1, inRepo.exitCode(), () -> "the file's own repository is its context\n" + inRepo);
        assertTrue(inRepo.out().contains("error duplicate-object"), inRepo::toString);
    }

    @Test
    void directoriesTheGitignoreNamesAreNotPartOfTheContext() throws IOException {
        write(".gitignore", "# build output\ntarget/\n/dist\n*.log\n");
        write("target/classes/service.yaml", SERVICE.replace("frontend", "copied"));
        write("dist/service.yaml", SERVICE.replace("frontend", "copied"));
        write("d/service.yaml", SERVICE.replace("frontend", "copied"));
        KgateRunner.Run run = kgate.run("--context", repo.toString(), repo.resolve("d/service.yaml").toString());
        assertEquals(0, run.exitCode(), () -> "target/ and dist/ are ignored by git, so no duplicate\n" + run);
        write("e/service.yaml", SERVICE.replace("frontend", "copied"));
        KgateRunner.Run dup = kgate.run("--context", repo.toString(), repo.resolve("d/service.yaml").toString());
        assertEquals(1, dup.exitCode(), () -> "e/ is part of the context\n" + dup);
    }
}
