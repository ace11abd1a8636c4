package io.kgate.cli;

import io.kgate.check.rules.Rule;
import io.kgate.check.rules.RuleSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kgate rules}: every rule id with its severity (after config) and one-line description. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every rule: id, severity and what it checks (kgate explain RULE tells more).")
public final class RulesCommand implements Callable<Integer> {
    /** --rules and --config are the top command's (inherited), so they work before or after the subcommand. */
    @CommandLine.ParentCommand
    KgateCommand parent;

    @Option(names = "--markdown", description = "Print the rule reference as Markdown (the README's rules section).")
    boolean markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One row: id, effective severity, one line, and whether the rule is enabled. */
    record Row(String id, String severity, String summary, boolean enabled) {
    }

    @Override
    public Integer call() {
        try {
            RuleSet set = parent.ruleOptions.load();
            PrintWriter out = spec.commandLine().getOut();
            out.print(markdown ? RuleReference.markdown(set) : table(rows(set)));
            return KgateCommand.delivered(spec, KgateCommand.EXIT_OK);
        } catch (KgateCommand.UsageError e) {
            spec.commandLine().getErr().println("kgate: " + e.getMessage());
            return KgateCommand.EXIT_USAGE;
        }
    }

    /** The rules of the set (built-in and --rules), sorted by id. */
    static List<Row> rows(RuleSet set) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Rule r : set.rules()) {
            rows.put(r.id(), new Row(r.id(), r.severity().id(), r.def().summary(), r.enabled()));
        }
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> a.id.compareTo(b.id));
        return sorted;
    }

    private static String table(List<Row> rows) {
        int w = rows.stream().mapToInt(r -> r.id.length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s  %-8s  %s%n", "RULE", "SEVERITY", "CHECKS"));
        for (Row r : rows) {
            sb.append(String.format("%-" + w + "s  %-8s  %s%n", r.id, r.enabled ? r.severity : "off", r.summary));
        }
        return sb.toString();
    }
}
