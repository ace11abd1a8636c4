import io.kgate.check.Check;
import io.kgate.check.Linter;
import io.kgate.check.crd.CrdRulesCheck;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.SeqNode;
import java.io.InputStream;
import java.util.List;

/**
 * What the CEL rules of the CRDs in a tree cost a run that has no custom resources of them: the rules
 * are compiled all the same (the API server refuses a CRD whose rule does not compile). Loads DIR once,
 * then runs crd-rules alone over it: the first run pays for loading cel-java and building the CEL
 * environment, the next RUNS (default 20) compile every rule again (each run compiles its own).
 *
 *   java -cp target/quarkus-app/app/kgate.jar:target/quarkus-app/lib/main/'*':DIR CrdRulesCost CRD_DIR [RUNS]
 */
public final class CrdRulesCost {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        LoadResult load = new Loader(LoadLimits.DEFAULT).load(List.of(args[0]), InputStream.nullInputStream());
        int rules = 0;
        for (KubeObject o : load.objects()) {
            rules += count(o.root());
        }
        List<Check> checks = List.of(new CrdRulesCheck(List.of(), SchemaOptions.defaults().kubernetesVersion()));
        Linter linter = new Linter(checks, List.of(), RuleSet.defaults().catalog());
        long start = System.nanoTime();
        int findings = linter.lint(load).findings().size();
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            linter.lint(load);
        }
        long next = (System.nanoTime() - start) / Math.max(1, runs);
        System.out.printf("%d CRDs, %d rules, %d findings: first run %.1f ms (loads CEL), then %.2f ms per run "
                + "(mean of %d)%n", load.objects().size(), rules, findings, first / 1e6, next / 1e6, runs);
    }

    /** The x-kubernetes-validations rules in a tree. */
    private static int count(Node node) {
        int n = 0;
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                n += e.key().equals("x-kubernetes-validations") && e.value() instanceof SeqNode s ? s.size() : 0;
                n += count(e.value());
            }
        } else if (node instanceof SeqNode s) {
            for (Node item : s.items()) {
                n += count(item);
            }
        }
        return n;
    }
}
