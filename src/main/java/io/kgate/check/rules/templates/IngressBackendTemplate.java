package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ObjectSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every Ingress backend reaches an existing Service port. (That every Ingress names its class is
 * rule ingress-class-name, written in CEL.)
 */
public final class IngressBackendTemplate implements Template<ParamSchema.None> {

    @Override
    public String name() {
        return "ingress-backend";
    }

    @Override
    public Reads reads() {
        return Reads.fields("Ingress:/spec", "Service:/spec/ports");
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        ObjectGraph g = ctx.graph();
        for (ObjectGraph.IngressBackend b : g.ingressBackends()) {
            KubeObject ing = b.ingress();
            if (b.serviceName() == null) {
                ctx.report(ing, b.pointer(), "backend service has no name");
                continue;
            }
            List<KubeObject> services = g.named("Service", ing.namespace(), b.serviceName());
            if (services.isEmpty()) {
                ctx.report(ing, b.pointer() + "/name", "no Service " + b.serviceName()
                        + (ing.namespace() == null ? " in " : " in namespace " + ing.namespace() + " of ") + ctx.scope()
                        + " (Services there: " + ObjectSources.firstFew(g.inNamespace("Service", ing.namespace()).stream()
                                .map(KubeObject::name).filter(Objects::nonNull).distinct().toList()) + ")");
                continue;
            }
            KubeObject svc = services.getFirst();
            List<String> exposed = new ArrayList<>();
            List<Long> numbers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Fields.eachMap(svc.root().map("spec"), "/spec", "ports", (ptr, p) -> {
                Long n = Fields.integer(p.get("port"));
                String name = p.string("name");
                numbers.add(n);
                names.add(name);
                exposed.add((name == null ? "" : name + " ") + (n == null ? "?" : n));
            });
            MapNode port = b.port() == null ? null : b.port().asMap();
            Long number = port == null ? null : Fields.integer(port.get("number"));
            String name = port == null ? null : port.string("name");
            String tail = " (it exposes: " + Fields.list(exposed) + ")";
            if (number == null && name == null) {
                ctx.report(ing, b.portPointer(), "backend of Service " + b.serviceName()
                        + " names no port (port.number or port.name)" + tail);
            } else if (number != null && !numbers.contains(number)) {
                ctx.report(ing, b.portPointer() + "/number", g.display(svc) + " exposes no port " + number + tail);
            } else if (name != null && !names.contains(name)) {
                ctx.report(ing, b.portPointer() + "/name", g.display(svc) + " has no port named " + name + tail);
            }
        }
    }
}
