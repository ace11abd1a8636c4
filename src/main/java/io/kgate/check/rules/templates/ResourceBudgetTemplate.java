package io.kgate.check.rules.templates;

import io.kgate.check.rules.ClusterCapacity;
import io.kgate.check.rules.ResourceUsage;
import io.kgate.check.rules.Param;
import io.kgate.check.rules.Param.Qty;
import io.kgate.check.rules.ParamSchema;
import io.kgate.check.rules.Reads;
import io.kgate.check.rules.RuleContext;
import io.kgate.check.rules.Template;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.PodTemplate;
import io.kgate.model.Quantity;
import io.kgate.model.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small clusters run out of memory first: every container declares requests and limits within a
 * per-container budget, and the sum of all requests fits the nodes.
 */
public final class ResourceBudgetTemplate implements Template<ResourceBudgetTemplate.Params> {
    /** The rule's parameters (see the constants below); quantities are null when unset. */
    public record Params(boolean requireRequests, boolean requireLimits, Qty maxMemoryLimit, Qty maxCpuLimit,
            long nodes, Qty nodeMemory, Qty nodeCpu) {
        /** The per-container cap of {@code resource} (memory or cpu), or null. */
        Qty maxLimit(String resource) {
            return resource.equals("memory") ? maxMemoryLimit : maxCpuLimit;
        }
    }

    private static final Param<Boolean> REQUIRE_REQUESTS = Param.bool("requireRequests", true,
            "every container sets memory and cpu requests");
    private static final Param<Boolean> REQUIRE_LIMITS = Param.bool("requireLimits", true,
            "every container sets memory and cpu limits");
    private static final Param<Qty> MAX_MEMORY_LIMIT = Param.quantity("maxMemoryLimit", null,
            "largest memory limit of one container (unset: no cap)");
    private static final Param<Qty> MAX_CPU_LIMIT = Param.quantity("maxCpuLimit", null,
            "largest cpu limit of one container (unset: no cap)");
    private static final Param<Long> NODES = Param.integer("nodes", 0,
            "number of nodes (0: do not check the cluster total)");
    private static final Param<Qty> NODE_MEMORY = Param.quantity("nodeMemory", null, "memory allocatable per node");
    private static final Param<Qty> NODE_CPU = Param.quantity("nodeCpu", null, "cpu allocatable per node");

    /** One workload's share of the cluster budget for one resource: {@code perPod} × {@code replicas}. */
    private record Share(KubeObject owner, String pointer, BigDecimal perPod, long replicas, BigDecimal total) {
        Share(KubeObject owner, String pointer, BigDecimal perPod, long replicas) {
            this(owner, pointer, perPod, replicas, perPod.multiply(BigDecimal.valueOf(replicas)));
        }
    }

    @Override
    public String name() {
        return "resource-budget";
    }

    @Override
    public Reads reads() {
        return Reads.fields(ResourceUsage.READS.toArray(String[]::new));
    }

    @Override
    public ParamSchema<Params> params() {
        return ParamSchema.of(v -> new Params(v.get(REQUIRE_REQUESTS), v.get(REQUIRE_LIMITS), v.get(MAX_MEMORY_LIMIT),
                v.get(MAX_CPU_LIMIT), v.get(NODES), v.get(NODE_MEMORY), v.get(NODE_CPU)),
                REQUIRE_REQUESTS, REQUIRE_LIMITS, MAX_MEMORY_LIMIT, MAX_CPU_LIMIT, NODES, NODE_MEMORY, NODE_CPU);
    }

    /** The nodes and their allocatable memory and cpu: the audit's resource budget table reads them too. */
    @Override
    public Optional<ClusterCapacity> capacity(Params p) {
        return Optional.of(new ClusterCapacity(p.nodes(), p.nodeMemory(), p.nodeCpu()));
    }

    /** Each container's requests and limits: read alone, in the file pass. */
    @Override
    public EachObject<Params> eachObject() {
        return ctx -> {
            for (PodTemplate pod : ctx.graph().pods()) {
                for (PodTemplate.Container c : pod.allContainers()) {
                    checkContainer(ctx, pod, c);
                }
            }
        };
    }

    /** The sum of all requests against the nodes' capacity. */
    @Override
    public void run(RuleContext<Params> ctx) {
        Params p = ctx.params();
        long nodes = p.nodes();
        if (nodes <= 0) {
            return;
        }
        // indexed like ResourceUsage.RESOURCES; null for a resource without a capacity per node
        Total[] totals = new Total[2];
        for (int r = 0; r < 2; r++) {
            Qty perNode = r == 0 ? p.nodeMemory() : p.nodeCpu();
            totals[r] = perNode == null ? null : new Total(ResourceUsage.RESOURCES.get(r), perNode, nodes);
        }
        if (totals[0] == null && totals[1] == null) {
            return; // nothing to add up against
        }
        ResourceUsage.each(ctx.graph(), nodes, w -> {
            for (int r = 0; r < 2; r++) {
                if (totals[r] != null && w.requestPerPod()[r].signum() > 0 && w.replicas() > 0) {
                    totals[r].add(new Share(w.owner(), w.requestPointer()[r], w.requestPerPod()[r], w.replicas()));
                }
            }
        });
        for (Total t : totals) {
            if (t != null) {
                t.report(ctx);
            }
        }
    }

    private static String format(String res, BigDecimal v) {
        return ResourceUsage.format(ResourceUsage.RESOURCES.indexOf(res), v);
    }

    /**
     * The requests of one resource added up workload by workload, against the cluster's budget: the
     * workload that crosses it and the largest shares, kept as they come (a unit can hold 100,000
     * workloads: they are not all held).
     */
    private static final class Total {
        /** Shares named in the message, the largest first. */
        private static final int NAMED = 5;
        private final String res;
        private final Qty perNode;
        private final long nodes;
        private final BigDecimal budget;
        private BigDecimal total = BigDecimal.ZERO;
        private Share over;
        private int shares;
        /** The largest shares so far, largest first, the earlier first among equal ones. */
        private final List<Share> largest = new ArrayList<>();

        Total(String res, Qty perNode, long nodes) {
            this.res = res;
            this.perNode = perNode;
            this.nodes = nodes;
            this.budget = perNode.value().multiply(BigDecimal.valueOf(nodes));
        }

        void add(Share s) {
            total = total.add(s.total());
            if (over == null && total.compareTo(budget) > 0) {
                over = s;
            }
            shares++;
            int at = largest.size();
            while (at > 0 && largest.get(at - 1).total().compareTo(s.total()) < 0) {
                at--;
            }
            if (at < NAMED) {
                largest.add(at, s);
                if (largest.size() > NAMED) {
                    largest.removeLast();
                }
            }
        }

        void report(RuleContext<Params> ctx) {
            if (over == null) {
                return;
            }
            List<String> parts = new ArrayList<>();
            for (Share s : largest) {
                parts.add(s.owner.ref().display() + " " + s.replicas + (ctx.graph().autoscalerOf(s.owner) != null
                        ? " (autoscaler maxReplicas)" : "") + " × " + format(res, s.perPod));
            }
            String more = shares > NAMED ? " and " + (shares - NAMED) + " more" : "";
            ctx.report(over.owner, over.pointer, res + " requests of all workloads of " + ctx.scope() + " add up to "
                    + format(res, total)
                    + ", over the cluster budget " + format(res, budget) + " (" + nodes + " nodes × " + perNode.text()
                    + "); this workload crosses it; largest: " + String.join(", ", parts) + more);
        }
    }

    private static void checkContainer(RuleContext<Params> ctx, PodTemplate pod, PodTemplate.Container c) {
        Params p = ctx.params();
        KubeObject owner = pod.owner();
        MapNode resources = c.node().map("resources");
        List<String> missing = new ArrayList<>();
        for (String res : ResourceUsage.RESOURCES) {
            Node req = resources == null || resources.map("requests") == null ? null : resources.map("requests").get(res);
            Node lim = resources == null || resources.map("limits") == null ? null : resources.map("limits").get(res);
            if (req == null && p.requireRequests()) {
                missing.add(res + " request");
            }
            if (lim == null && p.requireLimits()) {
                missing.add(res + " limit");
            }
            // the pointers are made only for a finding: every resource of every container passes here
            Optional<BigDecimal> reqV = parse(ctx, owner, c, "requests", res, req);
            Optional<BigDecimal> limV = parse(ctx, owner, c, "limits", res, lim);
            if (reqV.isPresent() && limV.isPresent() && reqV.get().compareTo(limV.get()) > 0) {
                ctx.report(owner, pointer(c, "requests", res), res + " request " + Fields.show(req) + " of "
                        + c.display() + " is above its limit " + Fields.show(lim) + ": requests must not exceed limits");
            }
            Qty max = p.maxLimit(res);
            if (limV.isPresent() && max != null && limV.get().compareTo(max.value()) > 0) {
                ctx.report(owner, pointer(c, "limits", res), res + " limit " + Fields.show(lim) + " of " + c.display()
                        + " is over the per-container budget " + max.text());
            }
        }
        if (!missing.isEmpty()) {
            String ptr = resources != null ? c.pointer() + "/resources" : c.pointer() + "/name";
            ctx.report(owner, ptr, c.display() + " sets no " + String.join(", no ", missing) + budgetHint(p)
                    + ": without them one pod can starve the node");
        }
    }

    private static String budgetHint(Params p) {
        List<String> caps = new ArrayList<>();
        if (p.maxMemoryLimit() != null) {
            caps.add("memory ≤ " + p.maxMemoryLimit().text());
        }
        if (p.maxCpuLimit() != null) {
            caps.add("cpu ≤ " + p.maxCpuLimit().text());
        }
        return caps.isEmpty() ? "" : " (budget per container: " + String.join(", ", caps) + ")";
    }

    private static String pointer(PodTemplate.Container c, String list, String resource) {
        return c.pointer() + "/resources/" + list + "/" + resource;
    }

    private static Optional<BigDecimal> parse(RuleContext<Params> ctx, KubeObject owner, PodTemplate.Container c,
            String list, String resource, Node n) {
        if (n == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> v = Quantity.of(n);
        if (v.isEmpty()) {
            ctx.report(owner, pointer(c, list, resource), (n instanceof ScalarNode s ? s.display() : n.typeName())
                    + " is not a Kubernetes quantity (like 128Mi or 500m)");
        }
        return v;
    }
}
