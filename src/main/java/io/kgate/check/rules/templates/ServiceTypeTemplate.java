package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectGraph;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Services behind the ingress controller stay internal: ClusterIP, not LoadBalancer or NodePort. */
public final class ServiceTypeTemplate implements Template<ServiceTypeTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(boolean ingressEntryPoint) {
    }

    private static final Param<Boolean> INGRESS_ENTRY_POINT = Param.bool("ingressEntryPoint", false,
            "the cluster's only entry point is an ingress controller: every Service must be ClusterIP");

    @Override
    public String name() {
        return "service-type";
    }

    @Override
    public Reads reads() {
        return Reads.fields("Service:/spec", "Ingress:/spec");
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(INGRESS_ENTRY_POINT)), INGRESS_ENTRY_POINT);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        boolean everyService = ctx.params().ingressEntryPoint();
        Map<KubeObject, ObjectGraph.IngressBackend> routed = new IdentityHashMap<>();
        ctx.graph().servicesBehindIngresses().forEach(r -> routed.put(r.service(), r.backend()));
        for (KubeObject svc : ctx.graph().ofKind("Service")) {
            String type = svc.root().map("spec") == null ? null : svc.root().map("spec").string("type");
            if (!"LoadBalancer".equals(type) && !"NodePort".equals(type)) {
                continue;
            }
            ObjectGraph.IngressBackend b = routed.get(svc);
            if (b != null) {
                ctx.report(svc, "/spec/type", svc.ref().display() + " is type " + type + " but "
                        + b.ingress().ref().display() + " routes to it: behind the ingress controller it must be "
                        + "ClusterIP, or it is also exposed directly");
            } else if (everyService) {
                ctx.report(svc, "/spec/type", svc.ref().display() + " is type " + type + ", but the profile says "
                        + "the ingress controller is the cluster's entry point: use ClusterIP and an Ingress");
            }
        }
    }
}
