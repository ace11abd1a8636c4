package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.IpAddresses;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;

/** An ExternalName Service is a DNS CNAME: an IP address there does not work. */
public final class ExternalNameIpTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "externalname-ip";
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        for (KubeObject svc : ctx.graph().ofKind("Service")) {
            MapNode spec = svc.root().map("spec");
            if (spec == null || !"ExternalName".equals(spec.string("type"))) {
                continue;
            }
            String target = spec.string("externalName");
            if (target != null && IpAddresses.isIp(target)) {
                ctx.report(svc, "/spec/externalName", "externalName " + target + " is an IP address; ExternalName "
                        + "needs a DNS name. For an IP, use a Service without selector plus an Endpoints object");
            }
        }
    }
}
