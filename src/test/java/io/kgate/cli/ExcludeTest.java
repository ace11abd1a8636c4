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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code --exclude}, {@code exclude:} and the repository's .gitignore: what is left out is listed as
 * skipped with the pattern, git's own verdict is the reference for .gitignore, and the patterns stay
 * relative to the repository in git snapshots. testdata/exclude holds the findings side.
 */
class ExcludeTest {
    private static final String CASE = "testdata/exclude";
    private static final String BROKEN = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s
            data: [not, a, map]
            """;

    private final KgateRunner kgate = KgateRunner.get();

    private List<String> caseArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("--config", CASE + "/kgate-config.yaml", "--exclude",
                CASE + "/generated/", "--exclude", "*.bak.yaml"));
        args.addAll(List.of(more));
        args.add(CASE);
        return args;
    }

    @Test
    void excludedFilesAreListedAsSkippedWithThePatternInEveryFormat() {
        KgateRunner.Run json = kgate.run(caseArgs("--output", "json"));
        assertEquals(1, json.exitCode(), json::toString);
        JsonNode report = new ObjectMapper().readTree(json.out());
        List<String> skipped = new ArrayList<>();
        report.get("summary").get("skipped").forEach(s -> skipped.add(s.get("file").asString() + ": "
                + s.get("reason").asString()));
        List<String> expected = List.of(
                CASE + "/generated: excluded by --exclude '" + CASE + "/generated/'",
                CASE + "/k8s/settings.bak.yaml: excluded by --exclude '*.bak.yaml'",
                CASE + "/vendor/ingress-nginx.yaml: excluded by kgate-config.yaml exclude: 'vendor/*'",
                CASE + "/vendor/upstream: excluded by kgate-config.yaml exclude: 'vendor/*'");
        for (String e : expected) {
            assertTrue(skipped.contains(e), () -> e + " missing in " + skipped);
        }
        assertFalse(skipped.stream().anyMatch(s -> s.contains("cert-manager")), "brought back by the negation");

        for (String format : List.of("text", "junit")) { // the formats that list skipped files
            KgateRunner.Run r = kgate.run(caseArgs("--output", format));
            assertTrue(r.out().contains("excluded by kgate-config.yaml exclude: &apos;vendor/*&apos;")
                    || r.out().contains("excluded by kgate-config.yaml exclude: 'vendor/*'"), format + ":\n" + r.out());
        }
        KgateRunner.Run audit = kgate.run(caseArgs("audit"));
        assertTrue(audit.out().contains(CASE + "/generated: excluded by --exclude"), audit::toString);
    }

    @Test
    void aFileNamedOnTheCommandLineIsExcludedWithItsDirectory() {
        KgateRunner.Run r = kgate.run("--config", CASE + "/kgate-config.yaml", "--exclude", CASE + "/generated/",
                CASE + "/generated/rendered.yaml", CASE + "/vendor/upstream/deployment.yaml", CASE + "/k8s/settings.yaml");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(CASE + "/generated/rendered.yaml: skipped: excluded by --exclude"), r::toString);
        assertTrue(r.out().contains(CASE + "/vendor/upstream/deployment.yaml: skipped: excluded by kgate-config.yaml"),
                r::toString);
    }

    @Test
    void aBadPatternOrExcludeValueIsAUsageError(@TempDir Path tmp) throws IOException {
        KgateRunner.Run empty = kgate.run("--exclude", "", CASE);
        assertEquals(2, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("--exclude '': not a pattern"), empty::toString);
        KgateRunner.Run range = kgate.run("--exclude", "[z-a].yaml", CASE);
        assertEquals(2, range.exitCode(), range::toString);
        assertTrue(range.err().contains("--exclude '[z-a].yaml': not a valid pattern"), range::toString);
        Path cfg = tmp.resolve(".kgate.yaml");
        Files.writeString(cfg, "exclude:\n  - vendor/\n  - \"[z-a]\"\n");
        KgateRunner.Run badInConfig = kgate.run("--config", cfg.toString(), CASE);
        assertEquals(2, badInConfig.exitCode(), badInConfig::toString);
        assertTrue(badInConfig.err().contains(cfg + ":3:5: exclude pattern '[z-a]': not a valid pattern"),
                badInConfig::toString);
        Files.writeString(cfg, "exclude: {vendor: true}\n");
        KgateRunner.Run map = kgate.run("--config", cfg.toString(), CASE);
        assertEquals(2, map.exitCode(), map::toString);
        assertTrue(map.err().contains(cfg + ":1:10: exclude must be a list of strings"), map::toString);
    }

    @Test
    void whatGitIgnoresIsSkippedAsGitSaysExceptTrackedAndNamedFiles(@TempDir Path tmp) throws IOException {
        assumeTrue(GitRepo.available(tmp), "git is not installed");
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write(".gitignore", """
                # build output
                rendered/
                *.tmp.yaml
                /out
                docs/**/draft-*.yaml
                # lines no regular expression can express ignore nothing, as in git
                [z-a].yaml
                [[:space:]
                \\
                """);
        repo.write("k8s/.gitignore", "local-*.yaml\n!local-keep.yaml\n");
        repo.write("k8s/settings.yaml", BROKEN.formatted("settings").replace("data: [not, a, map]", "data: {a: b}"));
        repo.write("k8s/local-mine.yaml", BROKEN.formatted("local-mine"));
        repo.write("k8s/local-keep.yaml", BROKEN.formatted("local-keep"));
        repo.write("k8s/out/x.yaml", BROKEN.formatted("not-anchored-here"));
        repo.write("out/x.yaml", BROKEN.formatted("anchored-out"));
        repo.write("rendered/all.yaml", BROKEN.formatted("rendered"));
        repo.write("k8s/rendered/nested.yaml", BROKEN.formatted("rendered-nested"));
        repo.write("k8s/scratch.tmp.yaml", BROKEN.formatted("scratch"));
        repo.write("docs/a/b/draft-1.yaml", BROKEN.formatted("draft"));
        repo.write("docs/final.yaml", BROKEN.formatted("final"));
        repo.write("tracked/forced.tmp.yaml", BROKEN.formatted("forced"));
        repo.git("add", "-f", "tracked/forced.tmp.yaml");
        repo.commit("tree");
        Files.writeString(repo.dir().resolve(".git/info/exclude"), "scratch/\n");
        repo.write("scratch/notes.yaml", BROKEN.formatted("notes"));

        KgateRunner.Run r = repo.kgate("--only", "schema", "--output", "json", ".");
        assertEquals(1, r.exitCode(), r::toString);
        JsonNode report = new ObjectMapper().readTree(r.out());
        Set<String> skippedByKgate = new TreeSet<>();
        report.get("summary").get("skipped").forEach(s -> {
            if (s.get("reason").asString().startsWith("ignored by git")) {
                skippedByKgate.add(s.get("file").asString());
            }
        });
        Set<String> ignoredByGit = new TreeSet<>();
        for (String line : repo.git("ls-files", "--others", "--ignored", "--exclude-standard").split("\n")) {
            if (line.endsWith(".yaml")) {
                ignoredByGit.add(line);
            }
        }
        Set<String> underSkipped = new TreeSet<>();
        for (String s : skippedByKgate) {
            try (var files = Files.walk(repo.dir().resolve(s))) {
                files.filter(Files::isRegularFile).forEach(f -> underSkipped.add(repo.dir().relativize(f).toString()));
            }
        }
        assertEquals(ignoredByGit, underSkipped, "kgate skips exactly the files git ignores: " + skippedByKgate);
        Set<String> read = new TreeSet<>();
        report.get("findings").forEach(f -> read.add(f.get("file").asString()));
        assertEquals(new TreeSet<>(List.of("docs/final.yaml", "k8s/local-keep.yaml", "k8s/out/x.yaml",
                "tracked/forced.tmp.yaml")), read, "tracked, negated and not-anchored files are read: " + r);
        String reason = report.get("summary").get("skipped").toString();
        assertTrue(reason.contains("{\"file\":\"k8s/local-mine.yaml\",\"reason\":\"ignored by git (k8s/.gitignore: "
                + "local-*.yaml)\"}"), reason);

        KgateRunner.Run named = repo.kgate("--only", "schema", "rendered/all.yaml", "k8s/scratch.tmp.yaml");
        assertEquals(1, named.exitCode(), "files named on the command line are read although git ignores them: " + named);
        assertTrue(named.out().contains("rendered/all.yaml:5:1: error schema"), named::toString);
        assertTrue(named.out().contains("k8s/scratch.tmp.yaml:5:1: error schema"), named::toString);
    }

    @Test
    void excludesStayRelativeToTheRepositoryInGitSnapshots(@TempDir Path tmp) throws IOException {
        assumeTrue(GitRepo.available(tmp), "git is not installed");
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write(".kgate.yaml", "exclude: [vendor/**]\n");
        repo.write("k8s/settings.yaml", BROKEN.formatted("settings").replace("data: [not, a, map]", "data: {a: b}"));
        repo.write("vendor/old.yaml", BROKEN.formatted("old"));
        repo.commit("vendored");
        repo.write("vendor/new.yaml", BROKEN.formatted("new"));
        repo.write("third_party/new.yaml", BROKEN.formatted("third"));
        repo.git("add", "-A");

        KgateRunner.Run withCli = repo.kgate("--only", "schema", "--staged", "--new-from-rev", "HEAD",
                "--exclude", "third_party/", ".");
        assertEquals(0, withCli.exitCode(), "both excluded in the index and at HEAD: " + withCli);
        assertTrue(withCli.out().contains("vendor: skipped: excluded by .kgate.yaml exclude: 'vendor/**'"),
                withCli::toString);
        assertTrue(withCli.out().contains("third_party: skipped: excluded by --exclude 'third_party/'"),
                withCli::toString);
        assertFalse(withCli.toString().contains("kgate-git-"), "no temporary path is shown:\n" + withCli);

        KgateRunner.Run without = repo.kgate("--only", "schema", "--staged", "--new-from-rev", "HEAD", ".");
        assertEquals(1, without.exitCode(), "the change the excludes hide: " + without);
        assertTrue(without.out().startsWith("third_party/new.yaml:5:1: error schema"), without::toString);
    }
}
