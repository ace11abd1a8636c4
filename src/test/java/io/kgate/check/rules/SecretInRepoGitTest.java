package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secret-in-repo} speaks about files kept in git: the same tree is silent in a plain
 * directory and reported once it is a git repository with history; standard input (rendered
 * manifests) is reported too.
 */
class SecretInRepoGitTest {
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              namespace: shop
            stringData:
              password: pg-Sup3r-S3cret
            """;

    @Test
    void reportedOnlyOnceTheTreeIsKeptInGit(@TempDir Path dir) throws Exception {
        assumeTrue(exec(dir, "git", "--version") == 0, "git is not installed");
        Path tree = dir.resolve("k8s/shop");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("secret.yaml"), SECRET);
        List<String> args = List.of("--only", "secret-in-repo", "--fail-on", "warning", dir.resolve("k8s").toString());

        KgateRunner.Run plain = KgateRunner.get().run(args);
        assertEquals(0, plain.exitCode(), () -> "not in git: nothing to say\n" + plain);

        assertEquals(0, exec(dir, "git", "init", "-q"));
        exec(dir, "git", "config", "user.email", "test@example.invalid");
        exec(dir, "git", "config", "user.name", "kgate test");
        exec(dir, "git", "config", "commit.gpgsign", "false");
        exec(dir, "git", "add", "-A");
        assertEquals(0, exec(dir, "git", "commit", "-q", "-m", "shop database credentials"));

        KgateRunner.Run kept = KgateRunner.get().run(args);
        assertEquals(1, kept.exitCode(), () -> "kept in git: reported\n" + kept);
        assertTrue(kept.out().contains("secret.yaml:6:1: warning secret-in-repo: Secret shop/db holds 1 value"),
                () -> kept.out());
        assertTrue(!kept.out().contains("pg-Sup3r-S3cret"), () -> "the value is never printed\n" + kept.out());
    }

    @Test
    void standardInputIsReported() {
        KgateRunner.Run run = KgateRunner.get().run(Path.of("").toAbsolutePath(),
                SECRET.getBytes(StandardCharsets.UTF_8), List.of("--only", "secret-in-repo", "-"));
        assertTrue(run.out().contains("-:6:1: warning secret-in-repo"), () -> run.toString());
    }

    private static int exec(Path dir, String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
