package io.kgate.cli;

import io.kgate.check.rules.Param;
import io.kgate.check.rules.Rule;
import io.kgate.check.rules.RuleDef;
import io.kgate.check.rules.RuleSet;
import java.util.List;
import java.util.Map;

/** Renders rule documentation from the rule files: {@code kgate explain} and the README reference. */
public final class RuleReference {
    private RuleReference() {
    }

    static String explain(Rule r, RuleSet set) {
        RuleDef d = r.def();
        StringBuilder sb = new StringBuilder();
        sb.append(d.id()).append(" (").append(r.enabled() ? r.severity().id() : "disabled").append(")\n");
        sb.append("  ").append(d.summary()).append("\n\n");
        sb.append(d.description()).append("\n");
        if (d.why() != null) {
            sb.append("\nWhy it matters:\n").append(d.why()).append("\n");
        }
        sb.append("\nRemediation:\n").append(d.remediation()).append("\n");
        if (r.template() != null && !r.template().params().params().isEmpty()) {
            sb.append("\nParameters (template ").append(d.template()).append(set.profile() == null ? ""
                    : ", profile " + set.profile().name()).append("):\n");
            Map<String, Object> values = r.paramValues();
            for (Param<?> p : r.template().params().params()) {
                Object v = values.get(p.name());
                sb.append("  ").append(p.name()).append(" = ").append(v == null ? "(unset)" : v)
                        .append("  ").append(p.description()).append("\n");
            }
        }
        if (d.failExample() != null) {
            sb.append("\nFailing example:\n").append(indent(d.failExample()));
        }
        if (d.passExample() != null) {
            sb.append("\nPassing example:\n").append(indent(d.passExample()));
        }
        sb.append("\nSource: ").append(d.file()).append("\n");
        return sb.toString();
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n")) {
            sb.append(line.isEmpty() ? "" : "    " + line).append("\n");
        }
        return sb.toString();
    }

    /** The README's rule reference: a table, then one section per rule. Built-in defaults only. */
    public static String markdown(RuleSet set) {
        List<RulesCommand.Row> rows = RulesCommand.rows(set);
        StringBuilder sb = new StringBuilder();
        sb.append("| rule | severity | checks |\n|---|---|---|\n");
        for (RulesCommand.Row r : rows) {
            sb.append("| [`").append(r.id()).append("`](#rule-").append(r.id()).append(") | ").append(r.severity())
                    .append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        for (Rule r : set.rules()) {
            RuleDef d = r.def();
            sb.append("\n#### rule-").append(d.id()).append("\n\n");
            sb.append("**").append(d.summary()).append("** (").append(d.severity().id()).append(", `")
                    .append(d.file()).append("`)\n\n");
            sb.append(d.description()).append("\n\n");
            if (d.why() != null) {
                sb.append("*Why it matters:* ").append(d.why()).append("\n\n");
            }
            sb.append("*Fix:* ").append(d.remediation()).append("\n");
            if (r.template() != null && !r.template().params().params().isEmpty()) {
                sb.append("\n*Parameters:* ");
                List<String> ps = r.template().params().params().stream().map(p -> "`" + p.name() + "` ("
                        + p.type().display() + ", " + show(r.paramValues().get(p.name())) + "): " + p.description())
                        .toList();
                sb.append(String.join("; ", ps)).append(".\n");
            }
        }
        return sb.toString();
    }

    private static String show(Object v) {
        return v == null ? "unset" : "default `" + v + "`";
    }
}
