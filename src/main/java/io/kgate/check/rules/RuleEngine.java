package io.kgate.check.rules;

import io.kgate.check.Check;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.ObjectGraph;
import java.util.List;
import java.util.function.Consumer;

/** Runs templated rules over the object graph of the whole tree, built once per run. */
final class RuleEngine implements Check {
    private final List<Rule> rules;

    RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        ObjectGraph graph = ObjectGraph.of(ctx.objects());
        for (Rule r : rules) {
            run(r, graph, out);
        }
    }

    @SuppressWarnings("unchecked") // RuleSet built r.params() with r.template()'s own ParamSchema
    private static <P> void run(Rule r, ObjectGraph graph, Consumer<Finding> out) {
        Template<P> t = (Template<P>) r.template();
        t.run(new RuleContext<>(r, (P) r.params(), graph, out));
    }
}
