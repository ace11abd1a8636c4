package io.kgate.check.rules.templates;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import java.util.ArrayList;
import java.util.List;

/** Long-running containers say when they are ready and alive, on ports they actually have. */
public final class ProbesTemplate implements Template<ProbesTemplate.Params> {
    /** The rule's parameters: see the constants below. */
    public record Params(boolean readiness, boolean liveness) {
    }

    private static final Param<Boolean> READINESS = Param.bool("readiness", true, "require a readinessProbe");
    private static final Param<Boolean> LIVENESS = Param.bool("liveness", true, "require a livenessProbe");

    private static final List<String> PROBES = List.of("readinessProbe", "livenessProbe", "startupProbe");

    @Override
    public String name() {
        return "probes";
    }

    /** Each object by itself. */
    @Override
    public Reads reads() {
        return Reads.OBJECT_ALONE;
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(READINESS), v.get(LIVENESS)), READINESS, LIVENESS);
    }

    @Override
    public void run(RuleContext<Params> ctx) {
        for (PodTemplate pod : ctx.graph().pods()) {
            if (!pod.longRunning()) {
                continue;
            }
            for (PodTemplate.Container c : pod.containers()) {
                if (ctx.params().readiness() && c.node().get("readinessProbe") == null) {
                    ctx.report(pod.owner(), c.pointer() + "/name", c.display() + " has no readinessProbe: it gets "
                            + "traffic before it can serve it, and during rollouts");
                }
                if (ctx.params().liveness() && c.node().get("livenessProbe") == null) {
                    ctx.report(pod.owner(), c.pointer() + "/name", c.display() + " has no livenessProbe: a hung "
                            + "process is never restarted");
                }
                List<String> names = new ArrayList<>();
                List<Long> numbers = new ArrayList<>();
                Fields.eachMap(c.node(), c.pointer(), "ports", (ptr, p) -> {
                    if (p.string("name") != null) {
                        names.add(p.string("name"));
                    }
                    Long n = Fields.integer(p.get("containerPort"));
                    if (n != null) {
                        numbers.add(n);
                    }
                });
                for (String probe : PROBES) {
                    MapNode pm = c.node().map(probe);
                    if (pm == null) {
                        continue;
                    }
                    for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
                        MapNode h = pm.map(handler);
                        Node port = h == null ? null : h.get("port");
                        if (port == null) {
                            continue;
                        }
                        String ptr = c.pointer() + "/" + probe + "/" + handler + "/port";
                        Long n = Fields.integer(port);
                        String shown = "(ports: " + Fields.list(describe(names, numbers)) + ")";
                        if (port.text() != null && !names.contains(port.text())) {
                            ctx.report(pod.owner(), ptr, probe + " port '" + port.text() + "' is not a named port of "
                                    + c.display() + " " + shown);
                        } else if (n != null && !numbers.isEmpty() && !numbers.contains(n)) {
                            ctx.report(pod.owner(), ptr, probe + " port " + n + " is not a containerPort of "
                                    + c.display() + " " + shown);
                        }
                    }
                }
            }
        }
    }

    private static List<String> describe(List<String> names, List<Long> numbers) {
        List<String> out = new ArrayList<>(names);
        numbers.forEach(n -> out.add(String.valueOf(n)));
        return out;
    }
}
