package io.kgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository made by a test in a temporary directory: files written into it, commits,
 * and kgate run at its top-level. {@link #available()} tells whether git is installed.
 */
public final class GitRepo {
    private final Path dir;

    private GitRepo(Path dir) {
        this.dir = dir;
    }

    /** Whether a git command can run here (tests skip without it). */
    public static boolean available(Path anywhere) {
        try {
            return run(anywhere, "git", "--version").startsWith("git");
        } catch (AssertionError e) {
            return false;
        }
    }

    /** A new repository in {@code dir} (created), with a committer and no signing. */
    public static GitRepo init(Path dir) throws IOException {
        GitRepo r = new GitRepo(Files.createDirectories(dir));
        r.git("init", "-q", "-b", "main");
        r.git("config", "user.email", "test@example.invalid");
        r.git("config", "user.name", "kgate test");
        r.git("config", "commit.gpgsign", "false");
        return r;
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code text} to {@code rel}, creating directories. */
    public GitRepo write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return this;
    }

    /** Stages everything (git add -A) and commits it. */
    public void commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    /** Runs git in the repository; its output, or an AssertionError when it fails. */
    public String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return run(dir, cmd.toArray(String[]::new));
    }

    /** kgate run at the top-level of the repository. */
    public KgateRunner.Run kgate(String... args) {
        return KgateRunner.get().run(dir, new byte[0], List.of(args));
    }

    private static String run(Path dir, String... cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().remove("GIT_DIR"); // a test run from a git hook must not write to the project
            pb.environment().remove("GIT_INDEX_FILE");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
