package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.check.identity.IdentityChecks;
import io.kgate.finding.Finding;
import io.kgate.load.LoadLimits;
import io.kgate.load.Loader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where a kgate rule covers a kube-linter check one to one, it reports as many problems on
 * kube-linter's own test file (../shared/corpora, read only; skipped when absent). Deliberate
 * differences: kgate does not know OpenShift's DeploymentConfig, so kube-linter's reports on it are
 * not counted; ingress-backend also requires ingressClassName, which kube-linter's
 * dangling-ingress does not check, so those findings are not counted.
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class KubeLinterConformanceTest {
    private static final Path CORPUS = Path.of("../shared/corpora/kube-linter");

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "latest-tag, image-tag, ",
        "mismatching-selector, selector-match, ",
        "dangling-service, selector-match, ",
        "dangling-ingress, ingress-backend, ingressClassName",
    })
    void sameNumberOfProblems(String check, String rule, String notCounted) throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpora not present");
        JsonNode test = null;
        for (JsonNode t : new ObjectMapper().readTree(CORPUS.resolve("EXPECTATIONS.derived.json").toFile()).get("tests")) {
            if (t.get("name").asString().equals(check)) {
                test = t;
            }
        }
        assumeTrue(test != null, "no expectations for " + check);
        long expected = 0;
        for (JsonNode m : test.get("expected_messages")) {
            if (!m.get("text").asString().startsWith("DeploymentConfig:")) {
                expected++;
            }
        }
        Path file = CORPUS.resolve(test.get("file").asString());
        List<Finding> findings;
        try (InputStream in = InputStream.nullInputStream()) {
            var load = new Loader(LoadLimits.DEFAULT).load(List.of(file.toString()), in);
            findings = RuleSet.defaults().linterFor(IdentityChecks.create(), rule).lint(load).findings();
        }
        List<Finding> counted = findings.stream().filter(f -> f.rule().equals(rule))
                .filter(f -> notCounted == null || !f.message().contains(notCounted)).toList();
        assertEquals(expected, counted.size(), () -> check + " vs " + rule + ": " + counted);
    }
}
