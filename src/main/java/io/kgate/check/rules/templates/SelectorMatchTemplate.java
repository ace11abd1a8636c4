package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.Labels;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.PodTemplate;
import java.util.ArrayList;
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

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        ObjectGraph g = ctx.graph();
        for (PodTemplate pod : g.pods()) {
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
                    ? (Labels.matches(Labels.of(owner.root().map("spec"), "selector"), labels) ? null : "selector")
                    : mismatch(m, labels);
            if (problem != null) {
                ctx.report(owner, "/spec/selector", "spec.selector (" + problem + ") does not match the pod template "
                        + "labels " + labels + ": the API server rejects " + owner.ref().display());
            }
        }
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
            List<String> seen = new ArrayList<>();
            for (PodTemplate p : candidates.subList(0, Math.min(5, candidates.size()))) {
                seen.add(p.owner().ref().display() + " " + p.labels());
            }
            if (candidates.size() > 5) {
                seen.add("and " + (candidates.size() - 5) + " more");
            }
            ctx.warn(svc, "/spec/selector", svc.ref().display() + " selects " + sel
                    + ", which matches no workload's pod labels: the Service has no endpoints (pods there: "
                    + String.join("; ", seen) + ")");
        }
    }

    /** Which part of a LabelSelector the labels fail, or null when they match. */
    private static String mismatch(MapNode selector, Map<String, String> labels) {
        Map<String, String> matchLabels = Labels.of(selector, "matchLabels");
        if (!Labels.matches(matchLabels, labels)) {
            return "matchLabels " + matchLabels;
        }
        if (selector.seq("matchExpressions") == null) {
            return null;
        }
        for (Node n : selector.seq("matchExpressions").items()) {
            MapNode e = n.asMap();
            if (e == null || e.string("key") == null || e.string("operator") == null) {
                continue;
            }
            String key = e.string("key");
            List<String> values = new ArrayList<>();
            if (e.seq("values") != null) {
                e.seq("values").items().forEach(v -> values.add(v.text()));
            }
            boolean ok = switch (e.string("operator")) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> true;
            };
            if (!ok) {
                return "matchExpressions " + key + " " + e.string("operator") + " " + values;
            }
        }
        return null;
    }
}
