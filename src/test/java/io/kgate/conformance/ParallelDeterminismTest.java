package io.kgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.Check;
import io.kgate.check.LintResult;
import io.kgate.check.Linter;
import io.kgate.check.identity.IdentityChecks;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.report.ReportOptions;
import io.kgate.report.Reporters;
import io.kgate.testing.GeneratedCorpus;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The report does not depend on how the work was split: on the generated 10,000-document tree
 * ({@code ../shared/bench/gen-corpus.py}), every check on, the reports of a run on several threads
 * that keeps only the retained fields of each object after the file pass are byte-identical to those
 * of a sequential run that keeps every object whole. Skips when the generator or python3 is absent.
 */
@Tag("in-process") // compares two ways of running kgate's classes: the native binary has one way
class ParallelDeterminismTest {

    @Test
    void parallelRunWithRetainedFieldsReportsLikeSequentialRunWithWholeObjects() throws Exception {
        Path tree = GeneratedCorpus.tenThousandDocuments();

        List<Check> checks = new ArrayList<>(IdentityChecks.create());
        checks.addAll(SchemaChecks.create(SchemaOptions.defaults()));
        Linter linter = RuleSet.defaults().linter(checks);
        List<String> sequential = reports(linter.withThreads(1).keepingWholeObjects(), tree, 1);
        List<String> parallel = reports(linter.withThreads(4), tree, 4);
        assertTrue(sequential.get(0).lines().count() > 10_000, "the tree is dirty enough to compare findings");
        for (int i = 0; i < sequential.size(); i++) {
            assertEquals(sequential.get(i), parallel.get(i), "report " + FORMATS.get(i) + " differs");
        }
    }

    /**
     * A workload behind two Services of one Ingress is judged by the route of the first backend at
     * every run: rollout-zero-downtime iterated the routed Services in an identity map's order, which
     * differs from run to run (seen on the kube-linter corpus: 618 or 619 warnings).
     */
    @Test
    void aWorkloadBehindTwoServicesIsReportedThroughTheFirstAtEveryRun() throws Exception {
        String tree = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: shop}
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: zeta, port: {number: 80}}}}
                          - {path: /a, pathType: Prefix, backend: {service: {name: alpha, port: {number: 80}}}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: alpha, namespace: shop}, spec: {selector: {app: web}, ports: [{port: 80}]}}
                ---
                {apiVersion: v1, kind: Service, metadata: {name: zeta, namespace: shop}, spec: {selector: {app: web}, ports: [{port: 80}]}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx:1.27}]}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 1, maxReplicas: 5}
                """;
        Linter linter = RuleSet.defaults().linter(new ArrayList<>(IdentityChecks.create()));
        java.util.Set<String> reports = new java.util.LinkedHashSet<>();
        for (int run = 0; run < 24; run++) {
            LintResult result = linter.lint(List.of("-"), new ByteArrayInputStream(tree.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), LoadLimits.DEFAULT);
            reports.add(Reporters.byName("text").render(result, new ReportOptions("VERSION", false, linter.rules())));
        }
        assertEquals(1, reports.size(), "the report changed between runs:\n" + String.join("\n----\n", reports));
        String report = reports.iterator().next();
        assertTrue(report.contains("Ingress shop/shop exposes Deployment shop/web through Service shop/zeta"), report);
    }

    private static final List<String> FORMATS = List.of("text", "json", "sarif");

    /**
     * The reports: rendered as one string on one thread, or ({@code threads} > 1) written to a Writer
     * on that many threads, as the command line writes them.
     */
    private static List<String> reports(Linter linter, Path tree, int threads) throws Exception {
        LintResult result = linter.lint(List.of(tree.toString()), new ByteArrayInputStream(new byte[0]),
                LoadLimits.DEFAULT);
        List<String> out = new ArrayList<>();
        for (String format : FORMATS) {
            ReportOptions options = new ReportOptions("VERSION", false, linter.rules());
            if (threads == 1) {
                out.add(Reporters.byName(format).render(result, options));
            } else {
                StringWriter report = new StringWriter();
                Reporters.write(Reporters.byName(format), result, options, report, threads);
                out.add(report.toString());
            }
        }
        return out;
    }
}
