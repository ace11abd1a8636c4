package io.kgate.check.rules;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs templated rules: those that read each object alone in the file pass, the others over the
 * object graph of the whole tree, built once per run from what the file pass kept.
 */
final class RuleEngine implements ObjectCheck {
    private final List<Rule> perObject;
    private final List<Rule> acrossObjects;

    RuleEngine(List<Rule> rules) {
        this.perObject = rules.stream().filter(r -> r.template().reads().alone()).toList();
        this.acrossObjects = rules.stream().filter(r -> !r.template().reads().alone()).toList();
    }

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (perObject.isEmpty()) {
            return;
        }
        ObjectGraph alone = ObjectGraph.of(List.of(o));
        for (Rule r : perObject) {
            run(r, alone, out);
        }
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        if (acrossObjects.isEmpty()) {
            return;
        }
        ObjectGraph graph = ObjectGraph.of(ctx.objects());
        for (Rule r : acrossObjects) {
            run(r, graph, out);
        }
    }

    /** The fields the cross-object rules read, or null when one of them needs whole objects. */
    @Override
    public List<String> retainedFields() {
        if (acrossObjects.isEmpty()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>(ObjectGraph.READS);
        for (Rule r : acrossObjects) {
            Reads reads = r.template().reads();
            if (reads.whole()) {
                return null;
            }
            fields.addAll(reads.retained());
        }
        return fields;
    }

    @SuppressWarnings("unchecked") // RuleSet built r.params() with r.template()'s own ParamSchema
    private static <P> void run(Rule r, ObjectGraph graph, Consumer<Finding> out) {
        Template<P> t = (Template<P>) r.template();
        t.run(new RuleContext<>(r, (P) r.params(), graph, out));
    }
}
