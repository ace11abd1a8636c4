package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: website
              namespace: website
            spec:
              ingressClassName: traefik
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: frontend, port: {number: 80}}
            """;
    private static final String BACKEND = """
            apiVersion: v1
            kind: Service
            metadata:
              name: backend
              namespace: website
            spec:
              ports:
                - port: 8080
            """;
    private static final String ENDPOINTS = """
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: backend
              namespace: website
            subsets:
              - addresses: [{ip: 192.168.0.50}]
                ports: [{port: 8080}]
            """;
    private static final String EXTERNAL_NAME_IP = """
            apiVersion: v1
            kind: Service
            metadata:
              name: nas
              namespace: website
            spec:
              type: ExternalName
              externalName: 192.168.0.60
              ports: [{port: 80}]
            """;
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: frontend
              namespace: website
            data:
              greeting: hello
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "hook {0}")
    @ValueSource(strings = {"kgate", "kgate-files"})
    void commitWithABrokenManifestIsRefusedAndTheFixedOnePasses(String hookId) throws IOException {
        Path repo = repository(hookId);
        write(repo.resolve("k8s/frontend/service.yaml"), SERVICE.formatted("frontend"));

        git(repo, "add", "-A");
        Result first = exec(repo, "git", "commit", "-m", "frontend service");
        assertEquals(0, first.code, first.output);
        assertTrue(first.output.contains("kgate (") && first.output.contains("Passed"), first.output);

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

    /**
     * The shipped hook {@code kgate}: the whole repository as staged, compared with HEAD. A commit
     * is refused for what it breaks in unchanged files (a renamed Service, a deleted Endpoints file),
     * not for findings already on main, and not for an untracked scratch file; pre-push compares
     * the pushed range; {@code pre-commit run --all-files} checks everything.
     */
    @Test
    void shippedHookJudgesACommitByWhatItBreaks() throws IOException {
        Path repo = repository("kgate");
        write(repo.resolve("k8s/frontend/service.yaml"), SERVICE.formatted("frontend"));
        write(repo.resolve("k8s/ingress.yaml"), INGRESS);
        write(repo.resolve("k8s/backend/service.yaml"), BACKEND);
        write(repo.resolve("k8s/backend/endpoints.yaml"), ENDPOINTS);
        // a finding already on main (committed without the hook): it must not block unrelated commits
        write(repo.resolve("k8s/legacy/nas.yaml"), EXTERNAL_NAME_IP);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "--no-verify", "-m", "tree with an old error");

        // an untracked scratch copy of the frontend Service would be a duplicate: it is not part of the commit
        write(repo.resolve("k8s/scratch.yaml"), SERVICE.formatted("frontend"));
        write(repo.resolve("k8s/frontend/configmap.yaml"), CONFIG_MAP);
        git(repo, "add", "k8s/frontend/configmap.yaml");
        Result unrelated = exec(repo, "git", "commit", "-m", "unrelated change");
        assertEquals(0, unrelated.code, unrelated.output);
        assertTrue(unrelated.output.contains("Passed"), unrelated.output);

        // renaming the Service breaks the Ingress in the unchanged k8s/ingress.yaml
        Path frontend = repo.resolve("k8s/frontend/service.yaml");
        write(frontend, SERVICE.formatted("web"));
        git(repo, "add", "k8s/frontend/service.yaml");
        Result renamed = exec(repo, "git", "commit", "-m", "rename the frontend Service");
        assertNotEquals(0, renamed.code, renamed.output);
        assertTrue(renamed.output.contains("Failed"), renamed.output);
        assertTrue(renamed.output.contains("k8s/ingress.yaml:14:25: error ingress-backend: no Service frontend in "
                + "namespace website"), renamed.output);
        assertFalse(renamed.output.contains("externalname-ip"), "an old finding is not reported:\n" + renamed.output);
        assertFalse(renamed.output.contains("scratch.yaml"), "untracked files do not count:\n" + renamed.output);
        git(repo, "reset", "-q", "HEAD", "k8s/frontend/service.yaml");
        write(frontend, SERVICE.formatted("frontend"));

        // deleting the Endpoints leaves no file to pass, and breaks the selector-less Service
        git(repo, "rm", "-q", "k8s/backend/endpoints.yaml");
        Result deleted = exec(repo, "git", "commit", "-m", "drop the endpoints");
        assertNotEquals(0, deleted.code, deleted.output);
        assertTrue(deleted.output.contains("k8s/backend/service.yaml:4:3: error service-endpoints: Service "
                + "website/backend has no selector and no Endpoints"), deleted.output);
        assertEquals("2", exec(repo, "git", "rev-list", "--count", "HEAD").output.strip(),
                "the refused commits were not made");
        git(repo, "reset", "-q", "HEAD", "k8s/backend/endpoints.yaml");
        git(repo, "checkout", "-q", "--", "k8s/backend/endpoints.yaml");

        // pre-commit run --all-files: everything counts, the old error too (the scratch file is in the working tree)
        Files.delete(repo.resolve("k8s/scratch.yaml"));
        Result all = exec(repo, "pre-commit", "run", "--all-files");
        assertEquals(1, all.code, all.output);
        assertTrue(all.output.contains("k8s/legacy/nas.yaml:8:3: error externalname-ip"), all.output);

        // git push (pre-push hook): the pushed commits against what the remote has, whatever the index holds
        git(tmp, "init", "-q", "--bare", "remote.git");
        git(repo, "remote", "add", "origin", tmp.resolve("remote.git").toString());
        git(repo, "push", "-q", "--no-verify", "origin", "HEAD:main");
        write(frontend, SERVICE.formatted("web"));
        git(repo, "commit", "-q", "--no-verify", "-am", "rename, committed without the hook");
        Result push = exec(repo, "git", "push", "origin", "HEAD:main");
        assertNotEquals(0, push.code, push.output);
        assertTrue(push.output.contains("k8s/ingress.yaml:14:25: error ingress-backend"), push.output);
        assertFalse(push.output.contains("externalname-ip"), push.output);
        // the same through pre-commit run --from-ref/--to-ref, on a range that breaks nothing
        Result earlier = exec(repo, "pre-commit", "run", "--from-ref", "HEAD~2", "--to-ref", "HEAD~1");
        assertEquals(0, earlier.code, earlier.output);
    }

    /** A git repository with pre-commit installed, running the project's hook {@code hookId} on the kgate under test. */
    private Path repository(String hookId) throws IOException {
        assumeTrue(works("git", "--version"), "git is not installed");
        assumeTrue(works("pre-commit", "--version"), "pre-commit is not installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), config(wrapper(), hookId));
        git(repo, "init", "-q");
        git(repo, "config", "user.email", "test@example.invalid");
        git(repo, "config", "user.name", "kgate test");
        git(repo, "config", "commit.gpgsign", "false");
        Result install = exec(repo, "pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "pre-push");
        assertEquals(0, install.code, install.output);
        return repo;
    }

    /**
     * The project's hook definition with kgate in entry replaced, as a {@code repo: local} config (no
     * network).
     */
    private static String config(Path wrapper, String hookId) throws IOException {
        Object parsed = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> hook = ((List<Map<String, Object>>) parsed).stream()
                .filter(h -> h.get("id").equals(hookId)).findFirst().orElseThrow();
        StringBuilder sb = new StringBuilder("repos:\n  - repo: local\n    hooks:\n      - ");
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : hook.entrySet()) {
            Object value = e.getValue();
            if (e.getKey().equals("entry")) {
                assertTrue(value.toString().matches("kgate( .*)?"), "entry runs kgate: " + value);
                value = wrapper + value.toString().substring("kgate".length());
            }
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
            command = quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                    + quote(System.getProperty("java.class.path")) + " " + quote(KgateMain.class.getName());
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
