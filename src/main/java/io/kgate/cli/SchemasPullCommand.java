package io.kgate.cli;

import io.kgate.cluster.Cluster;
import io.kgate.cluster.ClusterException;
import io.kgate.cluster.SchemaPull;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kgate schemas pull [DIR]}: the cluster's own API schemas and CRDs, written to commit. */
@Command(name = "pull", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Write the API schemas (OpenAPI v3) and CustomResourceDefinitions of the current cluster "
                + "to DIR (default .kgate/schemas), to validate offline against them with --schemas DIR.",
        footer = {"", "Only schemas are written: no server address, no credential. Exit codes: 0 pulled, "
            + "2 the cluster cannot be reached or refuses the credentials, or DIR cannot be written."})
public final class SchemasPullCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", defaultValue = ".kgate/schemas", description = "Where to write (default .kgate/schemas).")
    Path dir;

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Cluster c = cluster.connect()) {
            SchemaPull.Result r = SchemaPull.pull(c, dir);
            spec.commandLine().getOut().println("kgate: pulled Kubernetes " + r.serverVersion() + " into " + dir + ": "
                    + r.documents() + " OpenAPI documents, " + r.crds() + " CustomResourceDefinitions");
            spec.commandLine().getOut().flush();
            return KgateCommand.EXIT_OK;
        } catch (ClusterException | IllegalArgumentException | KgateCommand.UsageError e) {
            spec.commandLine().getErr().println("kgate: " + e.getMessage());
            return KgateCommand.EXIT_USAGE;
        }
    }
}
