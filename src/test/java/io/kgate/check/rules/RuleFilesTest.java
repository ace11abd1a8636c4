package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.rules.templates.ReadonlyRootWritableDirsTemplate;
import io.kgate.check.rules.templates.ResourceBudgetTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rule files in rules/ and what the build embeds agree, and every template is used. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class RuleFilesTest {
    @Test
    void embeddedBundleHoldsExactlyTheFilesOfRulesDirectory() throws IOException {
        Map<String, String> onDisk = new TreeMap<>();
        Path rules = Path.of("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                onDisk.put(rules.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> embedded = new TreeMap<>();
        for (String[] f : RuleFiles.embeddedFiles()) {
            embedded.put(f[0], f[1]);
        }
        assertEquals(onDisk, embedded, "kgate/rules/bundle.txt is stale: rebuild (./mvnw process-classes)");
    }

    @Test
    void fileNameIsTheRuleId() {
        for (RuleDef d : RuleFiles.embedded().rules()) {
            assertEquals("rules/" + d.id() + ".yaml", d.file());
        }
    }

    @Test
    void everyTemplateHasARule() {
        Set<String> used = RuleFiles.embedded().rules().stream().map(RuleDef::template).collect(Collectors.toSet());
        for (String t : Templates.names()) {
            if (t.equals("cel-tree")) {
                continue; // for users' rules: a shipped rule on it would keep every object whole in every run
            }
            assertTrue(used.contains(t), "template " + t + " has no rule file");
        }
    }

    @Test
    void defaultProfileExistsAndAppliesCleanly() {
        RuleSet set = RuleSet.defaults();
        assertEquals(Config.DEFAULT_PROFILE, set.profile().name());
        var budget = (ResourceBudgetTemplate.Params) set.find("resource-budget").orElseThrow().params();
        assertEquals("128Mi", budget.maxMemoryLimit().text());
        assertEquals("500m", budget.maxCpuLimit().text());
        assertEquals(2, budget.nodes());
        assertEquals("3Gi", budget.nodeMemory().text());
        var dirs = (ReadonlyRootWritableDirsTemplate.Params) set.find("readonly-root-writable-dirs").orElseThrow().params();
        assertEquals(List.of("nginx"), dirs.images());
    }

    @Test
    void clusterCapacityComesFromTheEnabledBudgetRule() {
        RuleSet set = RuleSet.defaults();
        ClusterCapacity capacity = set.clusterCapacity().orElseThrow();
        assertEquals(2, capacity.nodes());
        assertEquals("3Gi", capacity.nodeMemory().text());
        assertEquals("3", capacity.nodeCpu().text());
        assertTrue(set.with("resource-budget", false, null).clusterCapacity().isEmpty(),
                "a disabled resource-budget assumes no cluster");
    }
}
