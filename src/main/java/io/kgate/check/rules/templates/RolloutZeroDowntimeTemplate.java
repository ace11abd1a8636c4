package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.IntOrPercent;
import io.kgate.model.KubeObject;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.PodTemplate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Rollouts and node drains without downtime: no pod taken down before its successor is ready. */
public final class RolloutZeroDowntimeTemplate implements Template<RolloutZeroDowntimeTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(long minReplicas) {
    }

    private static final Param<Long> MIN_REPLICAS = Param.integer("minReplicas", 2,
            "replicas a workload behind an Ingress needs");

    private static final IntOrPercent DEFAULT_MAX_UNAVAILABLE = new IntOrPercent(25, true);
    private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    @Override
    public String name() {
        return "rollout-zero-downtime";
    }

    @Override
    public Reads reads() {
        return Reads.fields("Deployment:/spec/strategy", "Ingress:/spec", "Service:/spec/selector", "/spec/replicas", "/spec/parallelism", "/spec/jobTemplate/spec/parallelism");
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(MIN_REPLICAS)), MIN_REPLICAS);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        long min = ctx.params().minReplicas();
        for (KubeObject d : ctx.graph().ofKind("Deployment")) {
            PodTemplate pod = ctx.graph().podOf(d);
            // under an autoscaler its minReplicas is what a rollout may start from
            long r = pod == null ? 1 : ctx.graph().minReplicas(pod);
            if (r < 2) {
                continue;
            }
            Node type = d.at("/spec/strategy/type");
            if ("Recreate".equals(type == null ? null : type.text())) {
                ctx.report(d, "/spec/strategy/type", "strategy Recreate stops all " + r + " pods before starting "
                        + "new ones: use RollingUpdate with maxUnavailable: 0");
                continue;
            }
            Node mu = d.at("/spec/strategy/rollingUpdate/maxUnavailable");
            // Kubernetes rounds maxUnavailable down; absent means 25%; malformed is the schema check's
            IntOrPercent max = mu == null ? DEFAULT_MAX_UNAVAILABLE : IntOrPercent.of(mu);
            long down = max == null ? 0 : max.scaledTo(r, false);
            if (down > 0) {
                ctx.report(d, mu == null ? "/spec/strategy" : "/spec/strategy/rollingUpdate/maxUnavailable",
                        "maxUnavailable " + (mu == null ? "25% (the default)" : Fields.show(mu)) + " lets a rollout take "
                                + down + " of " + r + " pods down before new ones are ready: set maxUnavailable: 0 "
                                + "and maxSurge: 1");
            }
        }
        // a workload is judged once, by the first Service exposing it: the verdict does not depend on the Service
        Set<KubeObject> judged = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectGraph.RoutedService routed : ctx.graph().servicesBehindIngresses()) {
            KubeObject svc = routed.service();
            ObjectGraph.IngressBackend backend = routed.backend();
            for (PodTemplate pod : ctx.graph().podsSelectedBy(svc)) {
                KubeObject owner = pod.owner();
                if (!judged.add(owner) || !REPLICATED.contains(owner.kind())) {
                    continue;
                }
                long fewest = ctx.graph().minReplicas(pod);
                if (fewest >= min) {
                    continue;
                }
                KubeObject hpa = ctx.graph().autoscalerOf(owner);
                String exposes = backend.ingress().ref().display() + " exposes " + owner.ref().display() + " through "
                        + svc.ref().display() + ", but ";
                String outage = ": every rollout or node drain is downtime; ";
                if (hpa != null) {
                    ctx.report(hpa, "/spec/minReplicas", exposes + hpa.ref().display() + " may scale it down to "
                            + fewest + " replica" + (fewest == 1 ? "" : "s") + (hpa.at("/spec/minReplicas") == null
                                    ? " (minReplicas defaults to 1)" : "") + outage + "use minReplicas: " + min
                            + " or more");
                    continue;
                }
                ctx.report(owner, "/spec/replicas", exposes + "it runs " + fewest + " replica"
                        + (fewest == 1 ? "" : "s") + outage + "use replicas: " + min + " or more");
            }
        }
    }
}
