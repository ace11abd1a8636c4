package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.PodTemplate;
import java.util.List;

/** A PodDisruptionBudget protects the pods of some workload: its selector matches them. */
public final class PdbSelectorTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "pdb-selector";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        return Reads.fields("PodDisruptionBudget:/spec/selector");
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (KubeObject pdb : ctx.graph().ofKind("PodDisruptionBudget")) {
            LabelSelector selector = LabelSelector.of(pdb.at("/spec/selector"));
            if (selector == null) {
                continue; // no selector: the schema check's business (policy/v1 selects nothing)
            }
            List<PodTemplate> candidates = ctx.graph().podsIn(pdb.namespace());
            // a tree without any workload there (the pods come from a chart) cannot tell: say nothing
            if (candidates.isEmpty() || !ctx.graph().podsSelectedBy(pdb.namespace(), selector).isEmpty()) {
                continue;
            }
            ctx.report(pdb, "/spec/selector", pdb.ref().display() + " selects " + selector
                    + ", which matches no workload's pod labels (pods there: " + PodTemplate.describeLabels(candidates)
                    + "): it protects nothing, and a node drain may evict every replica at once; copy the labels "
                    + "from the workload's selector");
        }
    }
}
