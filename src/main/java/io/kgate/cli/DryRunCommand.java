package io.kgate.cli;

import io.kgate.cluster.Cluster;
import io.kgate.cluster.ClusterException;
import io.kgate.cluster.DryRunCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kgate dry-run [PATH...]}: the cluster's verdict on the tree (server-side apply, dryRun=All), with kgate's positions. */
@Command(name = "dry-run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Send every object of the tree to the current cluster as a server-side apply with dryRun=All "
                + "(field manager kgate, force) and report each refusal at its file:line:column (rule server-dry-run).",
        footer = {"", "Nothing is persisted. Objects whose Namespace or CustomResourceDefinition only this tree creates "
            + "are reported as info. Reports, --fail-on and exit codes as for kgate; exit 2 when the cluster cannot be "
            + "reached, TLS fails, the credentials are refused or a request times out."})
public final class DryRunCommand implements Callable<Integer> {
    @ParentCommand
    KgateCommand parent;

    @Parameters(paramLabel = "PATH", description = "Files or directories to send; '-' for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--with-lint", description = "Also run kgate's offline checks (schema, rules) in the same report.")
    boolean withLint;

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Override
    public Integer call() {
        try (Cluster c = cluster.connect()) {
            DryRunCheck check = new DryRunCheck(c);
            // without --with-lint (and --only) the report holds the server's verdict and what stops reading
            List<String> reported = withLint || !parent.only.isEmpty() ? parent.only
                    : List.of(check.rules().iterator().next(), "yaml-syntax", "file-read");
            return parent.execute(parent.request(paths).withServerCheck(check, withLint, reported));
        } catch (KgateCommand.UsageError | ClusterException e) {
            parent.spec.commandLine().getErr().println("kgate: " + e.getMessage());
            return KgateCommand.EXIT_USAGE;
        }
    }
}
