package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.GitRepo;
import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code units:} of .kgate.yaml with {@code --new-from-rev} and {@code --staged}: the declared paths
 * are relative to the repository, so they hold in the trees git writes for the index and the base
 * as in the working tree. (They were resolved to working-tree paths, so neither snapshot had the
 * unit: a finding at the base then looked new, and one the index added went unseen.) The tree is
 * testdata/rule-resource-budget-declared-unit-fail, which shows the unit itself.
 */
class DeclaredUnitsGitTest {
    private static final Path FIXTURE = Path.of("testdata/rule-resource-budget-declared-unit-fail");

    @TempDir
    Path tmp;
    GitRepo repo;

    @BeforeEach
    void repositoryWithTwoFluxKustomizationsDeclaredOneUnit() throws IOException {
        assumeTrue(GitRepo.available(tmp), "git is not installed");
        repo = GitRepo.init(tmp.resolve("repo"));
        repo.write(".kgate.yaml", Files.readString(FIXTURE.resolve("kgate-config.yaml")));
        for (String f : new String[] {"flux/clusters/production/sync.yaml", "flux/apps/workers.yaml",
            "flux/infra/more-workers.yaml"}) {
            repo.write(f, Files.readString(FIXTURE.resolve(f)));
        }
    }

    @Test
    void aFindingOfTheDeclaredUnitAtTheBaseIsNotNew() throws IOException {
        repo.commit("over the budget already");
        repo.write("flux/apps/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                + "  namespace: demo\ndata: {a: b}\n");
        KgateRunner.Run all = repo.kgate("--only", "resource-budget", ".");
        assertEquals(1, all.exitCode(), "the declared unit is over the budget: " + all);
        assertTrue(all.out().contains("unit production"), all::toString);

        KgateRunner.Run r = repo.kgate("--only", "resource-budget", "--new-from-rev", "HEAD", ".");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("1 finding already present at HEAD"), r::toString);
    }

    @Test
    void aStagedChangeThatCrossesTheDeclaredUnitsBudgetFails() throws IOException {
        Path infra = repo.dir().resolve("flux/infra/more-workers.yaml");
        String twenty = Files.readString(infra);
        Files.writeString(infra, twenty.replace("replicas: 20", "replicas: 10"));
        repo.commit("within the budget: 40 replicas of 128Mi");
        Files.writeString(infra, twenty);
        repo.git("add", "flux/infra/more-workers.yaml");

        KgateRunner.Run r = repo.kgate("--only", "resource-budget", "--staged", "--new-from-rev", "HEAD", ".");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("flux/infra/more-workers.yaml:28:15: error resource-budget: memory requests"),
                r::toString);
        assertTrue(r.out().contains("unit production"), r::toString);
    }
}
