package io.kgate.cli;

import io.kgate.schema.PulledSchemas;
import io.kgate.schema.SchemaStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kgate schemas}: the embedded Kubernetes versions and how many kinds each knows. */
@Command(name = "schemas", mixinStandardHelpOptions = true, subcommands = SchemasPullCommand.class,
        description = "List the embedded Kubernetes API versions and how many kinds each knows "
                + "(and the pulled directory of --schemas); 'kgate schemas pull' pulls a cluster's.")
public final class SchemasCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    KgateCommand parent;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        String newest = SchemaStore.newest();
        for (Map.Entry<String, Integer> e : SchemaStore.versions().entrySet()) {
            out.println(e.getKey() + "\t" + e.getValue() + " kinds" + (e.getKey().equals(newest) ? "\t(default)" : ""));
        }
        PulledSchemas pulled;
        try {
            pulled = parent == null ? null : parent.schemaArgs.pulled(parent.ruleOptions.load());
        } catch (KgateCommand.UsageError e) {
            spec.commandLine().getErr().println("kgate: " + e.getMessage());
            return KgateCommand.EXIT_USAGE;
        }
        if (pulled != null) {
            out.println(pulled.dir() + "\t" + pulled.store().kindCount() + " kinds\tKubernetes " + pulled.serverVersion()
                    + ", pulled " + pulled.pulledAt() + "\t(--schemas)");
        }
        return KgateCommand.delivered(spec, KgateCommand.EXIT_OK);
    }
}
