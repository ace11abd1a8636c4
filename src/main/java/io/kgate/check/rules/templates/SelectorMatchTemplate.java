package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.Labels;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.PodTemplate;
import java.util.List;
import java.util.Map;

/** Selectors select something: a workload its own pods, a Service at least one workload's pods. */
public final class SelectorMatchTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "selector-match";
    }

    @Override
    public Reads reads() {
        return Reads.fields("/spec/selector");
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    /** A workload's selector against its own pod template: read alone, in the file pass. */
    @Override
    public EachObject<ParamSchema.None> eachObject() {
        return SelectorMatchTemplate::checkOwnTemplate;
    }

    private static void checkOwnTemplate(RuleContext<ParamSchema.None> ctx) {
        for (PodTemplate pod : ctx.graph().pods()) {
            KubeObject owner = pod.owner();
            if ("Pod".equals(owner.kind()) || "CronJob".equals(owner.kind())) {
                continue;
            }
            Node sel = owner.at("/spec/selector");
            if (!(sel instanceof MapNode m) || m.size() == 0) {
                continue;
            }
            Map<String, String> labels = pod.labels();
            String problem = "ReplicationController".equals(owner.kind())
                    ? (LabelSelector.equality(Labels.of(owner.root().map("spec"), "selector")).matches(labels) ? null
                            : "selector")
                    : LabelSelector.of(m).mismatch(labels);
            if (problem != null) {
                ctx.report(owner, "/spec/selector", "spec.selector (" + problem + ") does not match the pod template "
                        + "labels " + labels + ": the API server rejects " + owner.ref().display());
            }
        }
    }

    /** Each Service selector against the pods of its namespace. */
    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        ObjectGraph g = ctx.graph();
        for (KubeObject svc : g.ofKind("Service")) {
            Map<String, String> sel = ObjectGraph.serviceSelector(svc);
            if (sel.isEmpty()) {
                continue;
            }
            List<PodTemplate> candidates = g.podsIn(svc.namespace());
            // a tree without any workload there (Services only) cannot tell: say nothing
            if (candidates.isEmpty() || !g.podsSelectedBy(svc).isEmpty()) {
                continue;
            }
            ctx.warn(svc, "/spec/selector", svc.ref().display() + " selects " + sel
                    + ", which matches no workload's pod labels: the Service has no endpoints (pods there: "
                    + PodTemplate.describeLabels(candidates) + ")");
        }
    }
}
