package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The hook of {@code .pre-commit-hooks.yaml} run by the real pre-commit framework in a scratch git
 * repository: a commit adding a conflicting manifest is refused with the finding shown, the fixed
 * commit passes. The hook definition is taken from the project's file; only {@code entry} points
 * at the kgate under test (the native binary with -Dkgate.binary, else this JVM's classes). Skipped
 * when git or pre-commit is not installed (.ci/run installs pre-commit).
 */
class PreCommitHookTest {
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: %s
              namespace: website
            spec:
              selector:
                app: frontend
              ports:
                - port: 80
            """;

    @TempDir
    Path tmp;

    @Test
    void commitWithABrokenManifestIsRefusedAndTheFixedOnePasses() throws IOException {
        assumeTrue(works("git", "--version"), "git is not installed");
        assumeTrue(works("pre-commit", "--version"), "pre-commit is not installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path wrapper = wrapper();
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), config(wrapper));
        write(repo.resolve("k8s/frontend/service.yaml"), SERVICE.formatted("frontend"));
        git(repo, "init", "-q");
        git(repo, "config", "user.email", "test@example.invalid");
        git(repo, "config", "user.name", "kgate test");
        git(repo, "config", "commit.gpgsign", "false");
        Result install = exec(repo, "pre-commit", "install");
        assertEquals(0, install.code, install.output);

        git(repo, "add", "-A");
        Result first = exec(repo, "git", "commit", "-m", "frontend service");
        assertEquals(0, first.code, first.output);
        assertTrue(first.output.contains("kgate (Kubernetes manifests)") && first.output.contains("Passed"),
                first.output);

        // a second definition of the same Service in another folder: only visible with the whole tree as context
        Path legacy = repo.resolve("k8s/legacy/service.yaml");
        write(legacy, SERVICE.formatted("frontend"));
        git(repo, "add", "-A");
        Result refused = exec(repo, "git", "commit", "-m", "legacy copy");
        assertNotEquals(0, refused.code, refused.output);
        assertTrue(refused.output.contains("Failed"), refused.output);
        assertTrue(refused.output.contains("k8s/legacy/service.yaml:4:3: error duplicate-object: Service "
                + "website/frontend is already defined at k8s/frontend/service.yaml:4"), refused.output);
        assertEquals("1", exec(repo, "git", "rev-list", "--count", "HEAD").output.strip(),
                "the refused commit was not made");

        write(legacy, SERVICE.formatted("frontend-legacy"));
        git(repo, "add", "-A");
        Result fixed = exec(repo, "git", "commit", "-m", "legacy service, renamed");
        assertEquals(0, fixed.code, fixed.output);
        assertEquals("2", exec(repo, "git", "rev-list", "--count", "HEAD").output.strip());
    }

    /** The project's hook definition with entry replaced, as a {@code repo: local} config (no network). */
    private static String config(Path wrapper) throws IOException {
        Object parsed = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> hook = ((List<Map<String, Object>>) parsed).get(0);
        assertEquals("kgate", hook.get("id"));
        StringBuilder sb = new StringBuilder("repos:\n  - repo: local\n    hooks:\n      - ");
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : hook.entrySet()) {
            Object value = e.getKey().equals("entry") ? wrapper.toString() : e.getValue();
            fields.add(e.getKey() + ": " + flow(value));
        }
        sb.append(String.join("\n        ", fields)).append('\n');
        return sb.toString();
    }

    /** A YAML flow value (JSON syntax, which YAML reads). */
    private static String flow(Object v) {
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(PreCommitHookTest::flow).toList()) + "]";
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }

    /** A script running the kgate under test with the arguments pre-commit gives it. */
    private Path wrapper() throws IOException {
        String command;
        if (KgateRunner.isNative()) {
            command = quote(Path.of(System.getProperty("kgate.binary")).toAbsolutePath().toString());
        } else {
            command = quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "
                    + quote(System.getProperty("java.class.path")) + " " + quote(KgateRunner.Main.class.getName());
        }
        Path script = tmp.resolve("kgate");
        Files.writeString(script, "#!/bin/sh\nexec " + command + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void git(Path repo, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Result r = exec(repo, cmd.toArray(String[]::new));
        assertEquals(0, r.code, () -> cmd + " failed:\n" + r.output);
    }

    private record Result(int code, String output) {
    }

    private Result exec(Path dir, String... cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            // pre-commit's cache stays in the scratch directory; no colours in the captured output
            pb.environment().put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
            pb.environment().put("PRE_COMMIT_COLOR", "never");
            pb.environment().put("NO_COLOR", "1");
            pb.environment().remove("GIT_DIR");
            pb.environment().remove("GIT_INDEX_FILE");
            Path log = Files.createTempFile(tmp, "exec", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private boolean works(String... cmd) {
        return exec(tmp, cmd).code == 0;
    }
}
