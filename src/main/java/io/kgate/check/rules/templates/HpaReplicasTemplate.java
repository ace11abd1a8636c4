package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;

/** A workload under an autoscaler leaves the replica count to it. */
public final class HpaReplicasTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "hpa-replicas";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        return Reads.fields("/spec/replicas");
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (KubeObject hpa : ctx.graph().ofKind("HorizontalPodAutoscaler")) {
            for (KubeObject target : ctx.graph().scaleTargets(hpa)) {
                if (target.at("/spec/replicas") == null || ctx.graph().autoscalerOf(target) != hpa) {
                    continue;
                }
                ctx.report(target, "/spec/replicas", target.ref().display() + " sets replicas: "
                        + Fields.show(target.at("/spec/replicas")) + " while " + hpa.ref().display()
                        + " scales it: every apply or GitOps sync resets the count and the autoscaler scales it "
                        + "back; remove spec.replicas and let minReplicas and maxReplicas decide");
            }
        }
    }
}
