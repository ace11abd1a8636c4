package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kgate rules, kgate explain, and the clear errors (exit 2) for bad rule files and configs. */
class RuleCommandsTest {
    private final KgateRunner kgate = KgateRunner.get();

    @Test
    void rulesListsEveryRuleWithSeverity() {
        KgateRunner.Run r = kgate.run("rules");
        assertEquals(0, r.exitCode(), r::toString);
        for (String id : new String[] {"service-endpoints", "service-type", "externalname-ip",
            "readonly-root-writable-dirs", "resource-budget", "ingress-backend", "selector-match",
            "rollout-zero-downtime", "probes", "image-tag", "security-context", "yaml-syntax", "duplicate-object",
            "suppression"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(id + " ")), () -> id + " missing:\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("service-endpoints +error +A Service without selector.*")),
                r::toString);
    }

    @Test
    void rulesShowsConfiguredSeverityAndDisabledRules(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("k.yaml"),
                "rules:\n  image-tag: {enabled: false}\n  probes: {severity: error}\n");
        KgateRunner.Run r = kgate.run("rules", "--config", cfg.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("image-tag +off +.*")), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("probes +error +.*")), r::toString);
    }

    @Test
    void explainShowsEverything() {
        KgateRunner.Run r = kgate.run("explain", "service-endpoints");
        assertEquals(0, r.exitCode(), r::toString);
        for (String part : new String[] {"service-endpoints (error)", "Why it matters:", "Remediation:",
            "Failing example:", "Passing example:", "kind: Endpoints", "Source: rules/service-endpoints.yaml"}) {
            assertTrue(r.out().contains(part), () -> part + " missing:\n" + r.out());
        }
        KgateRunner.Run budget = kgate.run("explain", "resource-budget");
        assertTrue(budget.out().contains("maxMemoryLimit = 128Mi"), budget::toString);
        assertTrue(budget.out().contains("profile pi-4gb"), budget::toString);
        assertEquals(0, kgate.run("explain", "yaml-syntax").exitCode());
    }

    @Test
    void explainUnknownRuleIsAUsageError() {
        KgateRunner.Run r = kgate.run("explain", "no-such-rule");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown rule 'no-such-rule'"), r::toString);
    }

    @Test
    void lintingStaysTheDefaultCommand() {
        KgateRunner.Run r = kgate.run("testdata/split-architecture");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("0 errors, 0 warnings"), r::toString);
    }

    /** Each bad config names its file, line and column, and the problem; kgate exits 2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown rule       | rules:\\n  no-such-rule:\\n    enabled: false\\n    | :2:3: unknown rule 'no-such-rule'
            unknown parameter  | rules:\\n  resource-budget:\\n    params:\\n      maxMem: 1Gi\\n | :4:7: unknown parameter 'maxMem' for rule resource-budget
            wrong type         | rules:\\n  resource-budget:\\n    params:\\n      nodes: two\\n  | :4:14: parameter nodes of rule resource-budget must be an integer
            bad quantity       | rules:\\n  resource-budget:\\n    params:\\n      nodeMemory: 3 GB\\n | :4:19: parameter nodeMemory of rule resource-budget must be a quantity
            unknown setting    | rules:\\n  image-tag:\\n    enable: false\\n    | :3:5: unknown setting 'enable' for rule image-tag
            bad severity       | rules:\\n  image-tag:\\n    severity: fatal\\n  | :3:15: severity must be error, warning or info
            unknown profile    | profile: pi-8gb\\n                                | :1:10: unknown profile 'pi-8gb'
            unknown key        | profiles: [pi-4gb]\\n                             | :1:1: unknown key 'profiles'
            yaml syntax        | rules: [unclosed\\n                               | :1:8: expected ',' or ']'
            external not list  | external: Secret/x\\n                             | :1:11: external must be a list of KIND/NAME or KIND/NAMESPACE/NAME patterns
            external no kind   | external:\\n  - grafana-admin\\n                | :2:5: 'grafana-admin' is not KIND/NAME or KIND/NAMESPACE/NAME
            external too long  | external:\\n  - Secret/a/b/c\\n                | :2:5: 'Secret/a/b/c' is not KIND/NAME
            external empty     | external:\\n  - Secret//x\\n                  | :2:5: 'Secret//x' has an empty part
            external mapping   | external:\\n  - {kind: Secret}\\n              | :2:5: an external pattern is text like Secret/grafana-admin, not object
            named user entry   | rules:\\n  security-context:\\n    params:\\n      namedUserImages: [memcached]\\n | :4:7: parameters of rule security-context: namedUserImages entry 'memcached' must be IMAGE=USER
            placeholder regex  | rules:\\n  placeholder-value:\\n    params:\\n      placeholders: ["(unclosed"]\\n | :4:7: parameters of rule placeholder-value: '(unclosed' is not a regular expression
            """)
    void badConfigIsAClearError(String name, String text, String expected, @TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve(".kgate.yaml"), text.replace("\\n", "\n"));
        KgateRunner.Run r = kgate.run("--config", cfg.toString(), "testdata/split-architecture");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(cfg + expected.strip()), () -> "expected " + cfg + expected.strip() + " in\n" + r);
    }

    /** Bad user rule files (--rules DIR) are clear errors too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown template | id: x\\ntemplate: nope\\nseverity: error\\nsummary: s\\ndescription: d\\nremediation: r\\n | :2:11: unknown template 'nope'
            duplicate id     | id: image-tag\\ntemplate: image-tag\\nseverity: error\\nsummary: s\\ndescription: d\\nremediation: r\\n | :1:1: rule image-tag is already defined in rules/image-tag.yaml
            missing field    | id: x\\ntemplate: image-tag\\nseverity: error\\nsummary: s\\nremediation: r\\n | :1:1: missing description
            unknown param    | id: x\\ntemplate: image-tag\\nseverity: error\\nsummary: s\\ndescription: d\\nremediation: r\\nparams:\\n  tags: [dev]\\n | :8:3: unknown parameter 'tags' for rule x
            bad id           | id: My_Rule\\ntemplate: image-tag\\nseverity: error\\nsummary: s\\ndescription: d\\nremediation: r\\n | :1:5: rule id 'My_Rule' must be lower-case
            bad severity     | id: x\\ntemplate: image-tag\\nseverity: high\\nsummary: s\\ndescription: d\\nremediation: r\\n | :3:11: severity must be error, warning or info
            """)
    void badRuleFileIsAClearError(String name, String text, String expected, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("my-rule.yaml"), text.replace("\\n", "\n"));
        KgateRunner.Run r = kgate.run("--rules", dir.toString(), "testdata/split-architecture");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains(file + expected.strip()), () -> "expected " + file + expected.strip() + " in\n" + r);
    }

    @Test
    void missingConfigFileOrRulesDirectoryIsAUsageError(@TempDir Path dir) {
        KgateRunner.Run r = kgate.run("--config", dir.resolve("nope.yaml").toString(), "testdata/split-architecture");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nope.yaml: config file not found"), r::toString);
        KgateRunner.Run d = kgate.run("--rules", dir.resolve("missing").toString(), "testdata/split-architecture");
        assertEquals(2, d.exitCode(), d::toString);
        assertTrue(d.err().contains("missing: --rules needs a directory of rule files"), d::toString);
    }
}
