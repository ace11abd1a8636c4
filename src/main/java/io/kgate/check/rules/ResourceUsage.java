package io.kgate.check.rules;

import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.PodTemplate;
import io.kgate.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each workload asks of the cluster, computed as the scheduler does: a pod requests the sum
 * of its containers (a container without a request is charged its limit) or its largest init
 * container, whichever is more; the workload multiplies that by its replicas (its autoscaler's
 * maxReplicas when a HorizontalPodAutoscaler scales it). One place for the
 * resource-budget rule and the audit's budget table.
 */
public final class ResourceUsage {
    /** The two resources kgate budgets, in table order. */
    public static final List<String> RESOURCES = List.of("memory", "cpu");

    /**
     * What {@link #of} reads of each object besides what the graph reads ({@link ObjectGraph#READS}):
     * containers' names and resources, replicas and parallelism.
     */
    public static final List<String> READS = List.of("/spec/template/spec/containers/*/name",
            "/spec/template/spec/containers/*/resources", "/spec/template/spec/initContainers/*/name",
            "/spec/template/spec/initContainers/*/resources", "/spec/jobTemplate/spec/template/spec/containers/*/name",
            "/spec/jobTemplate/spec/template/spec/containers/*/resources",
            "/spec/jobTemplate/spec/template/spec/initContainers/*/name",
            "/spec/jobTemplate/spec/template/spec/initContainers/*/resources", "Pod:/spec/containers/*/name",
            "Pod:/spec/containers/*/resources", "Pod:/spec/initContainers/*/name",
            "Pod:/spec/initContainers/*/resources", "/spec/replicas", "/spec/parallelism",
            "/spec/jobTemplate/spec/parallelism");

    /**
     * One workload. Arrays are indexed like {@link #RESOURCES}; {@code requestPointer} is where the
     * first counted request (or limit) of that resource is written, null when none is.
     * {@code unboundedRequest}/{@code unboundedLimit} are true when a container sets no request (nor
     * limit) or no limit for that resource: the pod may take more than the sums say.
     */
    public record Workload(KubeObject owner, long replicas, BigDecimal[] requestPerPod, BigDecimal[] limitPerPod,
            String[] requestPointer, boolean[] unboundedRequest, boolean[] unboundedLimit) {
        public BigDecimal totalRequest(int resource) {
            return requestPerPod[resource].multiply(BigDecimal.valueOf(replicas));
        }

        public BigDecimal totalLimit(int resource) {
            return limitPerPod[resource].multiply(BigDecimal.valueOf(replicas));
        }
    }

    private ResourceUsage() {
    }

    /**
     * Every workload of the graph; {@code unknownReplicas} stands for workloads whose replica count
     * is not fixed (DaemonSets run one pod per node).
     */
    public static List<Workload> of(ObjectGraph graph, long unknownReplicas) {
        List<Workload> out = new ArrayList<>();
        each(graph, unknownReplicas, out::add);
        return out;
    }

    /**
     * {@link #of}, one workload at a time: a sum over a large tree's workloads does not hold them all
     * (a young collection while they are held would keep every one of them).
     */
    public static void each(ObjectGraph graph, long unknownReplicas, Consumer<Workload> out) {
        for (PodTemplate pod : graph.pods()) {
            BigDecimal[] request = {BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal[] limit = {BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal[] initRequest = {BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal[] initLimit = {BigDecimal.ZERO, BigDecimal.ZERO};
            String[] where = new String[2];
            boolean[] noRequest = new boolean[2];
            boolean[] noLimit = new boolean[2];
            for (PodTemplate.Container c : pod.allContainers()) {
                // read from the decoded container: a pointer from the owner walks its packed tree each time
                MapNode resources = c.node().map("resources");
                MapNode requests = resources == null ? null : resources.map("requests");
                MapNode limits = resources == null ? null : resources.map("limits");
                for (int r = 0; r < 2; r++) {
                    String res = RESOURCES.get(r);
                    Node requested = requests == null ? null : requests.get(res);
                    Node limited = limits == null ? null : limits.get(res);
                    // without a request, Kubernetes uses the limit as the request
                    Optional<BigDecimal> req = Quantity.of(requested != null ? requested : limited);
                    Optional<BigDecimal> lim = Quantity.of(limited);
                    if (req.isPresent() && where[r] == null) {
                        where[r] = c.pointer() + (requested != null ? "/resources/requests/" : "/resources/limits/") + res;
                    }
                    noRequest[r] |= req.isEmpty();
                    noLimit[r] |= lim.isEmpty();
                    if (c.init()) {
                        initRequest[r] = initRequest[r].max(req.orElse(BigDecimal.ZERO));
                        initLimit[r] = initLimit[r].max(lim.orElse(BigDecimal.ZERO));
                    } else {
                        request[r] = request[r].add(req.orElse(BigDecimal.ZERO));
                        limit[r] = limit[r].add(lim.orElse(BigDecimal.ZERO));
                    }
                }
            }
            for (int r = 0; r < 2; r++) {
                request[r] = request[r].max(initRequest[r]);
                limit[r] = limit[r].max(initLimit[r]);
            }
            // under an autoscaler, the most it may scale to
            long most = graph.maxReplicas(pod);
            long replicas = most < 0 ? Math.max(unknownReplicas, 1) : most;
            out.accept(new Workload(pod.owner(), replicas, request, limit, where, noRequest, noLimit));
        }
    }

    /** "128Mi" or "250m": a value of {@code resource} as people write it. */
    public static String format(int resource, BigDecimal v) {
        return resource == 0 ? Quantity.formatMemory(v) : Quantity.formatCpu(v);
    }
}
