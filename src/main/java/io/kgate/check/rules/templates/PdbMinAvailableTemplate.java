package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.IntOrPercent;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.PodTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * A PodDisruptionBudget leaves some pod evictable: with minAvailable at or above the replicas it
 * selects, or maxUnavailable 0, the eviction API refuses every eviction and each node drain hangs.
 */
public final class PdbMinAvailableTemplate implements Template<PdbMinAvailableTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(long minDisruptionsAllowed) {
        public Params {
            if (minDisruptionsAllowed < 1) {
                throw new IllegalArgumentException("minDisruptionsAllowed must be 1 or more (to turn the rule off, "
                        + "write enabled: false)");
            }
        }
    }

    private static final Param<Long> MIN_DISRUPTIONS_ALLOWED = Param.integer("minDisruptionsAllowed", 1,
            "pods the budget must let a drain evict at once");

    @Override
    public String name() {
        return "pdb-min-available";
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(MIN_DISRUPTIONS_ALLOWED)), MIN_DISRUPTIONS_ALLOWED);
    }

    @Override
    public Reads reads() {
        // the budget itself, and the replicas of the workloads it selects (pod labels the graph keeps)
        return Reads.fields("PodDisruptionBudget:/spec", "/spec/replicas");
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        for (KubeObject pdb : ctx.graph().ofKind("PodDisruptionBudget")) {
            LabelSelector selector = LabelSelector.of(pdb.at("/spec/selector"));
            if (selector == null) {
                continue; // no selector selects nothing (policy/v1): the schema check's business
            }
            long replicas = 0;
            List<String> owners = new ArrayList<>();
            for (PodTemplate pod : ctx.graph().podsSelectedBy(pdb.namespace(), selector)) {
                // a drain evicts the pods of long-running workloads; DaemonSet pods are left in place
                if (pod.longRunning() && pod.replicas() >= 0) {
                    replicas += pod.replicas();
                    owners.add(pod.owner().ref().display());
                }
            }
            if (owners.isEmpty()) {
                continue; // selects nothing of this tree: pdb-selector's business
            }
            check(ctx, pdb, replicas, owners);
        }
    }

    private static void check(RuleContext<Params> ctx, KubeObject pdb, long replicas, List<String> owners) {
        String pods = replicas + " pod" + (replicas == 1 ? "" : "s") + " it selects (" + String.join(", ", owners) + ")";
        long wanted = ctx.params().minDisruptionsAllowed();
        // the disruption controller rounds both fields up
        IntOrPercent maxUnavailable = IntOrPercent.of(pdb.at("/spec/maxUnavailable"));
        if (maxUnavailable != null) {
            long allowed = maxUnavailable.scaledTo(replicas, true);
            if (allowed < wanted) {
                ctx.report(pdb, "/spec/maxUnavailable", "maxUnavailable " + maxUnavailable + " lets no more than "
                        + allowed + " of the " + pods + " be evicted: every node drain blocks on "
                        + pdb.ref().display() + "; allow at least " + wanted);
            }
            return;
        }
        IntOrPercent minAvailable = IntOrPercent.of(pdb.at("/spec/minAvailable"));
        if (minAvailable == null) {
            return; // neither field: nothing this rule can judge
        }
        long allowed = Math.max(0, replicas - minAvailable.scaledTo(replicas, true));
        if (allowed < wanted) {
            ctx.report(pdb, "/spec/minAvailable", "minAvailable " + minAvailable + " of the " + pods + " leaves "
                    + allowed + " evictable: every node drain blocks on " + pdb.ref().display()
                    + "; lower minAvailable to " + Math.max(0, replicas - wanted) + " or raise the replicas");
        }
    }
}
