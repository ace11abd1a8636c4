package io.kgate.check.rules.templates;

import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import io.kgate.model.SeqNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Service's named targetPort resolves in every pod it selects. */
public final class ServiceTargetPortTemplate implements Template<ParamSchema.None> {
    @Override
    public String name() {
        return "service-target-port";
    }

    @Override
    public ParamSchema<ParamSchema.None> params() {
        return ParamSchema.none();
    }

    @Override
    public Reads reads() {
        List<String> fields = new ArrayList<>(List.of(PodTemplate.specFields("containers/*/name", "containers/*/ports",
                "initContainers/*/name", "initContainers/*/ports", "initContainers/*/restartPolicy")));
        fields.add("Service:/spec/ports");
        fields.add("Service:/spec/selector");
        return Reads.fields(fields.toArray(String[]::new));
    }

    @Override
    public void run(RuleContext<ParamSchema.None> ctx) {
        // a workload is selected by many Services: its port names are read once
        Map<PodTemplate, Set<String>> portNames = new IdentityHashMap<>();
        for (KubeObject svc : ctx.graph().ofKind("Service")) {
            if (!(svc.at("/spec/ports") instanceof SeqNode ports)) {
                continue;
            }
            List<PodTemplate> pods = null;
            for (int i = 0; i < ports.size(); i++) {
                String ptr = "/spec/ports/" + i + "/targetPort";
                Node target = svc.at(ptr);
                String name = target == null ? null : target.text();
                if (name == null || name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
                    continue; // a number (or a numeric string) needs no named container port
                }
                if (pods == null) {
                    pods = ctx.graph().podsSelectedBy(svc);
                }
                List<String> lacking = new ArrayList<>();
                for (PodTemplate pod : pods) {
                    Set<String> named = portNames.computeIfAbsent(pod, ServiceTargetPortTemplate::portNames);
                    if (!named.contains(name)) {
                        lacking.add(pod.owner().ref().display() + " (named ports: " + Fields.list(List.copyOf(named))
                                + ")");
                    }
                }
                if (!lacking.isEmpty()) {
                    ctx.report(svc, ptr, "targetPort " + name + " of " + svc.ref().display()
                            + " is not a named container port of " + String.join(", ", lacking)
                            + ": those pods get no endpoint for this port and receive no traffic; name the container "
                            + "port " + name + ", or set targetPort to the name or number the pods use");
                }
            }
        }
    }

    /** The port names of the pod's containers and of its restartable init containers (sidecars). */
    private static Set<String> portNames(PodTemplate pod) {
        Set<String> names = new LinkedHashSet<>();
        for (PodTemplate.Container c : pod.allContainers()) {
            if (c.init() && !"Always".equals(c.node().string("restartPolicy"))) {
                continue;
            }
            Fields.eachMap(c.node(), c.pointer(), "ports", (ptr, p) -> {
                if (p.string("name") != null) {
                    names.add(p.string("name"));
                }
            });
        }
        return names;
    }
}
