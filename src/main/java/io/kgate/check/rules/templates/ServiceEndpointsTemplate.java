package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.IpAddresses;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ObjectSources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Service without selector only works with hand-written Endpoints or EndpointSlices that match its
 * ports; and hand-written Endpoints need a Service of their name.
 */
public final class ServiceEndpointsTemplate implements Template<ParamSchema.None> {
    /** A port of an Endpoints subset or EndpointSlice. */
    private record EndpointPort(String name, Long port) {
        String display() {
            return (name.isEmpty() ? "(unnamed)" : "'" + name + "'") + " " + (port == null ? "?" : port);
        }
    }

    @Override
    public String name() {
        return "service-endpoints";
    }

    @Override
    public Reads reads() {
        return Reads.fields("Service:/spec", "Endpoints:/subsets", "EndpointSlice:/ports",
                "EndpointSlice:/endpoints", "EndpointSlice:/addressType");
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        ObjectGraph g = ctx.graph();
        Set<KubeObject> checkedSources = Collections.newSetFromMap(new IdentityHashMap<>());
        // what one namespace holds, worded once: a large tree has thousands of findings naming the same place
        Map<String, String> foundInNamespace = new HashMap<>();
        Map<String, String> servicesInNamespace = new HashMap<>();
        for (KubeObject svc : g.ofKind("Service")) {
            MapNode spec = svc.root().map("spec");
            if (spec == null || "ExternalName".equals(spec.string("type"))) {
                continue;
            }
            if (!ObjectGraph.serviceSelector(svc).isEmpty()) {
                for (KubeObject ep : g.named("Endpoints", svc.namespace(), svc.name())) {
                    ctx.warn(ep, "/metadata/name", g.display(svc) + " has a selector, so the endpoints controller "
                            + "manages its Endpoints and replaces this hand-written " + ep.ref().display());
                }
                continue;
            }
            List<KubeObject> sources = g.endpointsOf(svc);
            if (sources.isEmpty()) {
                ctx.report(svc, "/metadata/name", svc.ref().display() + " has no selector and no Endpoints or "
                        + "EndpointSlice (label " + ObjectGraph.SERVICE_NAME_LABEL + ": " + svc.name()
                        + "): its traffic goes nowhere" + foundInstead(g, svc, foundInNamespace));
                continue;
            }
            for (KubeObject src : sources) {
                comparePorts(ctx, svc, spec, src);
                if (checkedSources.add(src)) {
                    checkAddresses(ctx, src);
                }
            }
        }
        for (KubeObject ep : g.ofKind("Endpoints")) {
            if (g.named("Service", ep.namespace(), ep.name()).isEmpty()) {
                ctx.warn(ep, "/metadata/name", ep.ref().display() + " belongs to no Service: no Service named "
                        + ep.name() + where(ep, ctx.scope()) + " (Services there: "
                        + servicesInNamespace.computeIfAbsent(namespaceKey(ep), k -> serviceNames(g, ep)) + ")");
            }
        }
        for (KubeObject slice : g.ofKind("EndpointSlice")) {
            String owner = slice.labels().get(ObjectGraph.SERVICE_NAME_LABEL);
            if (owner != null && g.named("Service", slice.namespace(), owner).isEmpty()) {
                ctx.warn(slice, JsonPointer.child("/metadata/labels", ObjectGraph.SERVICE_NAME_LABEL),
                        slice.ref().display() + " is labelled for Service " + owner + ", which does not exist"
                                + where(slice, ctx.scope()) + " (Services there: "
                                + servicesInNamespace.computeIfAbsent(namespaceKey(slice), k -> serviceNames(g, slice))
                                + ")");
            }
        }
    }

    /**
     * The key of {@code o}'s namespace in the per-namespace answers: "" when unset (a namespace is never
     * empty, while "null" is a valid one).
     */
    private static String namespaceKey(KubeObject o) {
        return Objects.requireNonNullElse(o.namespace(), "");
    }

    /** " in namespace website of unit k8s": where the Service was looked for. */
    private static String where(KubeObject o, String scope) {
        return o.namespace() == null ? " in " + scope : " in namespace " + o.namespace() + " of " + scope;
    }

    private static String serviceNames(ObjectGraph g, KubeObject o) {
        return ObjectSources.firstFew(g.inNamespace("Service", o.namespace()).stream().map(KubeObject::name)
                .filter(Objects::nonNull).distinct().toList());
    }

    /**
     * Endpoints-like objects near the Service: same name elsewhere, or other names in its namespace.
     * When nothing of its name is elsewhere, the answer is the namespace's, kept in {@code byNamespace}.
     */
    private static String foundInstead(ObjectGraph g, KubeObject svc, Map<String, String> byNamespace) {
        boolean elsewhere = false;
        for (String kind : List.of("Endpoints", "EndpointSlice")) {
            for (KubeObject o : g.namedInAnyNamespace(kind, svc.name())) {
                elsewhere |= !ObjectGraph.sameNamespace(o.namespace(), svc.namespace());
            }
        }
        return elsewhere ? foundInstead(g, svc)
                : byNamespace.computeIfAbsent(namespaceKey(svc), ns -> foundInstead(g, svc));
    }

    private static String foundInstead(ObjectGraph g, KubeObject svc) {
        List<String> found = new ArrayList<>();
        for (String kind : List.of("Endpoints", "EndpointSlice")) {
            for (KubeObject o : g.namedAnywhereOrIn(kind, svc.name(), svc.namespace())) {
                found.add(o.ref().display() + (kind.equals("EndpointSlice")
                        ? " labelled " + Objects.requireNonNullElse(o.labels().get(ObjectGraph.SERVICE_NAME_LABEL), "for no Service")
                        : ""));
            }
        }
        List<String> distinct = found.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return "";
        }
        return "; found instead: " + (distinct.size() <= 4 ? String.join(", ", distinct)
                : String.join(", ", distinct.subList(0, 4)) + " and " + (distinct.size() - 4) + " more");
    }

    private static void comparePorts(RuleContext<ParamSchema.None> ctx, KubeObject svc, MapNode spec, KubeObject src) {
        List<EndpointPort> ports = endpointPorts(src);
        Fields.eachMap(spec, "/spec", "ports", (ptr, port) -> {
            String name = Objects.requireNonNullElse(port.string("name"), "");
            List<EndpointPort> same = ports.stream().filter(p -> p.name.equals(name)).toList();
            String shownName = name.isEmpty() ? "(unnamed)" : "'" + name + "'";
            if (same.isEmpty()) {
                ctx.report(svc, ptr, "Service port " + shownName + " has no port of the same name in "
                        + src.ref().display() + " (it has: " + Fields.list(ports.stream().map(EndpointPort::display).toList())
                        + ")");
                return;
            }
            Long target = Fields.integer(port.get("targetPort"));
            if (target != null && same.stream().noneMatch(p -> target.equals(p.port))) {
                ctx.report(svc, ptr + "/targetPort", "targetPort " + target + " of Service port " + shownName
                        + " differs from " + src.ref().display() + " port " + same.getFirst().display());
            }
        });
    }

    private static List<EndpointPort> endpointPorts(KubeObject src) {
        List<EndpointPort> out = new ArrayList<>();
        if ("EndpointSlice".equals(src.kind())) {
            Fields.eachMap(src.root(), "", "ports", (ptr, p) -> out.add(port(p)));
        } else {
            Fields.eachMap(src.root(), "", "subsets", (sptr, subset) ->
                    Fields.eachMap(subset, sptr, "ports", (ptr, p) -> out.add(port(p))));
        }
        return out;
    }

    private static EndpointPort port(MapNode p) {
        return new EndpointPort(Objects.requireNonNullElse(p.string("name"), ""), Fields.integer(p.get("port")));
    }

    private static void checkAddresses(RuleContext<ParamSchema.None> ctx, KubeObject src) {
        int[] count = {0};
        if ("EndpointSlice".equals(src.kind())) {
            String type = src.root().string("addressType");
            if ("FQDN".equals(type)) {
                ctx.report(src, "/addressType", "addressType FQDN: kube-proxy does not route to host names; "
                        + "use IPv4 or IPv6 addresses (or an ExternalName Service for a DNS name)");
                return;
            }
            Fields.eachMap(src.root(), "", "endpoints", (eptr, ep) -> {
                if (ep.seq("addresses") == null) {
                    return;
                }
                for (int i = 0; i < ep.seq("addresses").size(); i++) {
                    count[0]++;
                    checkIp(ctx, src, eptr + "/addresses/" + i, ep.seq("addresses").get(i));
                }
            });
        } else {
            Fields.eachMap(src.root(), "", "subsets", (sptr, subset) -> {
                for (String key : List.of("addresses", "notReadyAddresses")) {
                    Fields.eachMap(subset, sptr, key, (aptr, a) -> {
                        count[0]++;
                        checkIp(ctx, src, aptr + "/ip", a.get("ip"));
                    });
                }
            });
        }
        if (count[0] == 0) {
            ctx.report(src, "EndpointSlice".equals(src.kind()) ? "/endpoints" : "/subsets",
                    src.ref().display() + " lists no addresses: the Service has nowhere to send traffic");
        }
    }

    private static void checkIp(RuleContext<ParamSchema.None> ctx, KubeObject src, String pointer, Node value) {
        String text = value == null ? null : value.text();
        if (text == null || !IpAddresses.isIp(text)) {
            ctx.report(src, pointer, (text == null ? "missing ip" : "'" + text + "' is not an IP address")
                    + ": endpoint addresses must be IPs, not host names (for a DNS name use an ExternalName Service)");
        }
    }
}
