package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import java.util.List;
import java.util.TreeSet;

/** A HorizontalPodAutoscaler scales a workload that exists. */
public final class HpaTargetTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "hpa-target";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    /** The autoscalers' targets; the object graph keeps what it needs of both. */
    @Override
    public Reads reads() {
        return Reads.fields();
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (KubeObject hpa : ctx.graph().ofKind("HorizontalPodAutoscaler")) {
            if (!(hpa.at("/spec/scaleTargetRef") instanceof MapNode ref)) {
                continue;
            }
            String kind = ref.string("kind");
            String name = ref.string("name");
            if (kind == null || name == null || !ctx.graph().scaleTargets(hpa).isEmpty()
                    || ctx.sources().find(kind, hpa.namespace(), name) != null) {
                continue;
            }
            // the same name under another workload kind is the likeliest slip
            TreeSet<String> otherKinds = new TreeSet<>();
            for (String k : List.of("Deployment", "StatefulSet", "ReplicaSet")) {
                if (!k.equals(kind) && !ctx.graph().named(k, hpa.namespace(), name).isEmpty()) {
                    otherKinds.add(k);
                }
            }
            String hint = otherKinds.isEmpty() ? "" : " (a " + String.join(" and a ", otherKinds) + " " + name
                    + " does exist: fix scaleTargetRef.kind)";
            ctx.report(hpa, "/spec/scaleTargetRef/name", hpa.ref().display() + " scales " + kind + " " + name
                    + ", but there is " + ctx.sources().notFound(kind, hpa.namespace(), name) + hint
                    + ": the autoscaler scales nothing; fix scaleTargetRef, or list the workload under external: "
                    + "in .kgate.yaml if something outside the tree creates it");
        }
    }
}
