package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.check.rules.ClusterCapacity;
import io.kgate.check.rules.Param.Qty;
import io.kgate.check.rules.ResourceUsage;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectGraph;
import io.kgate.unit.Unit;
import io.kgate.report.AuditSection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's resource budget table: requests and limits per workload × replicas against the
 * capacity of the profile that the resource-budget rule uses (nodes × allocatable per node).
 */
final class BudgetAuditSection implements AuditSection {
    private final ClusterCapacity capacity;

    /** {@code capacity}: what the run's rules assume of the cluster, or null when no enabled rule says. */
    BudgetAuditSection(ClusterCapacity capacity) {
        this.capacity = capacity;
    }

    @Override
    public String title() {
        return "Resource budget";
    }

    /** What the table reads of each object: the workloads' pods, containers' resources and replicas. */
    @Override
    public List<String> reads() {
        List<String> fields = new ArrayList<>(ObjectGraph.READS);
        fields.addAll(ResourceUsage.READS);
        return fields;
    }

    @Override
    public List<String> lines(LintResult result) {
        if (result.units().size() < 2) {
            return lines(result.load().objects());
        }
        // each unit is a cluster of its own (several units on one cluster: declare them as one in .kgate.yaml)
        List<String> out = new ArrayList<>();
        for (Unit u : result.units()) {
            List<String> table = lines(u.linked());
            if (!table.isEmpty()) {
                out.add((out.isEmpty() ? "" : "\n") + "Unit " + u.name() + ":");
                out.addAll(table);
            }
        }
        return out;
    }

    private List<String> lines(List<KubeObject> objects) {
        long nodes = capacity == null ? 0 : capacity.nodes();
        List<ResourceUsage.Workload> workloads = ResourceUsage.of(ObjectGraph.of(objects), nodes);
        if (workloads.isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WORKLOAD", "REPLICAS", "MEMORY REQ", "MEMORY LIMIT", "CPU REQ", "CPU LIMIT"});
        BigDecimal[] req = {BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] lim = {BigDecimal.ZERO, BigDecimal.ZERO};
        boolean[] reqOpen = new boolean[2];
        boolean[] limOpen = new boolean[2];
        for (ResourceUsage.Workload w : workloads) {
            rows.add(new String[] {w.owner().ref().display(), String.valueOf(w.replicas()),
                cell(w, 0, true), cell(w, 0, false), cell(w, 1, true), cell(w, 1, false)});
            for (int r = 0; r < 2; r++) {
                req[r] = req[r].add(w.totalRequest(r));
                lim[r] = lim[r].add(w.totalLimit(r));
                reqOpen[r] |= w.unboundedRequest()[r];
                limOpen[r] |= w.unboundedLimit()[r];
            }
        }
        rows.add(new String[] {"total", "", total(0, req[0], reqOpen[0]), total(0, lim[0], limOpen[0]),
            total(1, req[1], reqOpen[1]), total(1, lim[1], limOpen[1])});
        List<String> out = table(rows);
        out.add("");
        out.add("Values are per pod × replicas = total; a container without a request is charged its limit;");
        out.add("\"unbounded\": a container sets no limit (or neither request nor limit), so the pod may take more. "
                + "CPU in millicores.");
        Qty mem = capacity == null ? null : capacity.nodeMemory();
        Qty cpu = capacity == null ? null : capacity.nodeCpu();
        if (nodes > 0 && mem != null && cpu != null) {
            BigDecimal[] capacity = {mem.value().multiply(BigDecimal.valueOf(nodes)),
                cpu.value().multiply(BigDecimal.valueOf(nodes))};
            out.add("Capacity: " + nodes + " nodes × " + mem.text() + " memory, " + show(1, cpu.value()) + " cpu = "
                    + show(0, capacity[0]) + " memory, " + show(1, capacity[1]) + " cpu.");
            out.add("Requests use " + percent(req[0], capacity[0], reqOpen[0]) + " of the memory and "
                    + percent(req[1], capacity[1], reqOpen[1]) + " of the cpu; limits add up to "
                    + percent(lim[0], capacity[0], limOpen[0]) + " and " + percent(lim[1], capacity[1], limOpen[1])
                    + " (limits may overcommit).");
        } else {
            out.add("No cluster capacity in the profile: totals are not compared.");
        }
        return out;
    }

    private static String cell(ResourceUsage.Workload w, int r, boolean request) {
        BigDecimal perPod = request ? w.requestPerPod()[r] : w.limitPerPod()[r];
        boolean open = request ? w.unboundedRequest()[r] : w.unboundedLimit()[r];
        if (perPod.signum() == 0) {
            return open ? "unbounded" : "-";
        }
        String cell = show(r, perPod) + " × " + w.replicas() + " = "
                + show(r, request ? w.totalRequest(r) : w.totalLimit(r));
        return open ? cell + " + unbounded" : cell;
    }

    private static String total(int r, BigDecimal v, boolean open) {
        return !open ? show(r, v) : v.signum() == 0 ? "unbounded" : show(r, v) + " + unbounded";
    }

    /** Memory as Kubernetes writes it; cpu always in millicores, so a column has one unit. */
    private static String show(int r, BigDecimal v) {
        if (v.signum() == 0) {
            return "-";
        }
        return r == 0 ? ResourceUsage.format(r, v)
                : v.scaleByPowerOfTen(3).setScale(0, RoundingMode.HALF_UP).toPlainString() + "m";
    }

    private static String percent(BigDecimal used, BigDecimal capacity, boolean open) {
        return (open ? "at least " : "") + used.multiply(BigDecimal.valueOf(100)).divide(capacity, 0, RoundingMode.HALF_UP)
                + "%";
    }

    private static List<String> table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? row[i] + " ".repeat(width[i] - row[i].length())
                        : "  " + " ".repeat(width[i] - row[i].length()) + row[i]);
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
