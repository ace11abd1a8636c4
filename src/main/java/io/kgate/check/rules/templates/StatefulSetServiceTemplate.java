package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.LabelSelector;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ObjectSources;
import io.kgate.model.PodTemplate;
import java.util.List;
import java.util.Map;

/** A StatefulSet's governing Service exists, is headless and selects its pods: its pods get DNS names. */
public final class StatefulSetServiceTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "statefulset-service";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        return Reads.fields("StatefulSet:/spec/serviceName", "Service:/spec/clusterIP", "Service:/spec/selector");
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        ObjectGraph g = ctx.graph();
        for (KubeObject sts : g.ofKind("StatefulSet")) {
            String serviceName = sts.at("/spec/serviceName") == null ? null : sts.at("/spec/serviceName").text();
            if (serviceName == null || serviceName.isEmpty()) {
                continue;
            }
            String at = "/spec/serviceName";
            List<KubeObject> services = g.named("Service", sts.namespace(), serviceName);
            if (services.isEmpty()) {
                ObjectSources.Source src = ctx.sources().find("Service", sts.namespace(), serviceName);
                if (src == null) {
                    ctx.report(sts, at, sts.ref().display() + " names serviceName " + serviceName + ", but there is "
                            + ctx.sources().notFound("Service", sts.namespace(), serviceName)
                            + ": its pods get no stable DNS names (" + sts.name() + "-0." + serviceName
                            + "); add a headless Service (clusterIP: None) selecting its pods, or fix the name");
                }
                continue;
            }
            KubeObject svc = services.getFirst();
            String where = svc.ref().display() + " (" + svc.file().displayName() + ":"
                    + svc.positionOf("/metadata/name").line() + ")";
            String clusterIp = svc.at("/spec/clusterIP") == null ? null : svc.at("/spec/clusterIP").text();
            if (!"None".equals(clusterIp)) {
                ctx.report(sts, at, sts.ref().display() + " names serviceName " + serviceName + ", but " + where
                        + " is not headless (clusterIP " + (clusterIp == null ? "unset: one is allocated" : clusterIp)
                        + "): its pods get no DNS names of their own (" + sts.name() + "-0." + serviceName
                        + "); set clusterIP: None on it, or add a separate headless Service and name that one");
                continue;
            }
            Map<String, String> selector = ObjectGraph.serviceSelector(svc);
            PodTemplate pod = g.podOf(sts);
            if (!selector.isEmpty() && pod != null && !LabelSelector.equality(selector).matches(pod.labels())) {
                ctx.report(sts, at, sts.ref().display() + " names serviceName " + serviceName + ", but the selector "
                        + selector + " of " + where + " does not match its pod labels " + pod.labels()
                        + ": its pods get no DNS records; make the selector match the pod labels");
            }
        }
    }
}
