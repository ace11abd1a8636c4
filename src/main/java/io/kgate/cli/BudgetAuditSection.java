package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.check.rules.Param.Qty;
import io.kgate.check.rules.ResourceUsage;
import io.kgate.check.rules.templates.ResourceBudgetTemplate;
import io.kgate.model.ObjectGraph;
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
    private final ResourceBudgetTemplate.Params params;

    /** {@code params}: the resource budget rule's parameters, or null when no such rule is enabled. */
    BudgetAuditSection(ResourceBudgetTemplate.Params params) {
        this.params = params;
    }

    @Override
    public String title() {
        return "Resource budget";
    }

    @Override
    public List<String> lines(LintResult result) {
        long nodes = params == null ? 0 : params.nodes();
        List<ResourceUsage.Workload> workloads = ResourceUsage.of(ObjectGraph.of(result.load().objects()), nodes);
        if (workloads.isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WORKLOAD", "REPLICAS", "MEMORY REQ", "MEMORY LIMIT", "CPU REQ", "CPU LIMIT"});
        BigDecimal[] req = {BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] lim = {BigDecimal.ZERO, BigDecimal.ZERO};
        for (ResourceUsage.Workload w : workloads) {
            rows.add(new String[] {w.owner().ref().display(), String.valueOf(w.replicas()),
                cell(w, 0, true), cell(w, 0, false), cell(w, 1, true), cell(w, 1, false)});
            for (int r = 0; r < 2; r++) {
                req[r] = req[r].add(w.totalRequest(r));
                lim[r] = lim[r].add(w.totalLimit(r));
            }
        }
        rows.add(new String[] {"total", "", show(0, req[0]), show(0, lim[0]), show(1, req[1]), show(1, lim[1])});
        List<String> out = table(rows);
        out.add("");
        out.add("Values are per pod × replicas = total; a container without a request is charged its limit.");
        Qty mem = params == null ? null : params.nodeMemory();
        Qty cpu = params == null ? null : params.nodeCpu();
        if (nodes > 0 && mem != null && cpu != null) {
            BigDecimal[] capacity = {mem.value().multiply(BigDecimal.valueOf(nodes)),
                cpu.value().multiply(BigDecimal.valueOf(nodes))};
            out.add("Capacity: " + nodes + " nodes × " + mem.text() + " memory, " + cpu.text() + " cpu = "
                    + show(0, capacity[0]) + " memory, " + show(1, capacity[1]) + " cpu.");
            out.add("Requests use " + percent(req[0], capacity[0]) + " of the memory and " + percent(req[1], capacity[1])
                    + " of the cpu; limits add up to " + percent(lim[0], capacity[0]) + " and "
                    + percent(lim[1], capacity[1]) + " (limits may overcommit).");
        } else {
            out.add("No cluster capacity in the profile: totals are not compared.");
        }
        return out;
    }

    private static String cell(ResourceUsage.Workload w, int r, boolean request) {
        BigDecimal perPod = request ? w.requestPerPod()[r] : w.limitPerPod()[r];
        if (perPod.signum() == 0) {
            return "-";
        }
        return show(r, perPod) + " × " + w.replicas() + " = " + show(r, request ? w.totalRequest(r) : w.totalLimit(r));
    }

    private static String show(int r, BigDecimal v) {
        return v.signum() == 0 ? "-" : ResourceUsage.format(r, v);
    }

    private static String percent(BigDecimal used, BigDecimal capacity) {
        return used.multiply(BigDecimal.valueOf(100)).divide(capacity, 0, RoundingMode.HALF_UP) + "%";
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
