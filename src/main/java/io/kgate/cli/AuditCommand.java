package io.kgate.cli;

import io.kgate.report.AuditReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kgate audit [PATH...]}: the same run as {@code kgate}, reported for a person reviewing a deploy. */
@Command(name = "audit", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Readable audit report: counts per severity, findings by rule and by object, "
                + "the objects that passed, skipped files with reasons.",
        footer = {"", "The report goes to standard output (or --output-file); --output is ignored. The exit code is "
            + "the same as for kgate."})
public final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    KgateCommand parent;

    @Parameters(paramLabel = "PATH", description = "Files or directories to audit; '-' for standard input.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        // the sections the check families add: the resource budget, against the capacity the run's rules assume
        return parent.execute(parent.request(paths).withAudit(rules -> new AuditReporter(
                List.of(new BudgetAuditSection(rules.clusterCapacity().orElse(null))))));
    }
}
