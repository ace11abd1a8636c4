package io.kgate.cli;

import io.kgate.check.rules.Rule;
import io.kgate.check.rules.RuleSet;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kgate explain RULE}: what a rule checks, why it matters, how to fix it, with examples. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explain a rule: what it checks, why it matters, how to fix it, with a failing and a passing example.")
public final class ExplainCommand implements Callable<Integer> {
    /** --rules and --config are the top command's (inherited), so they work before or after the subcommand. */
    @CommandLine.ParentCommand
    KgateCommand parent;

    @Parameters(paramLabel = "RULE", description = "A rule id, as listed by kgate rules.")
    String id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            RuleSet set = parent.ruleOptions.load();
            Optional<Rule> rule = set.find(id);
            if (rule.isEmpty()) {
                err.println("kgate: unknown rule '" + id + "'; kgate rules lists them all");
                return KgateCommand.EXIT_USAGE;
            }
            String text = RuleReference.explain(rule.get(), set);
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            return KgateCommand.delivered(spec, KgateCommand.EXIT_OK);
        } catch (KgateCommand.UsageError e) {
            err.println("kgate: " + e.getMessage());
            return KgateCommand.EXIT_USAGE;
        }
    }
}
