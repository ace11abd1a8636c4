package io.kgate.cli;

import io.kgate.schema.SchemaStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kgate schemas}: the embedded Kubernetes versions and how many kinds each knows. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "List the embedded Kubernetes API versions and how many kinds each knows.")
public final class SchemasCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        String newest = SchemaStore.newest();
        for (Map.Entry<String, Integer> e : SchemaStore.versions().entrySet()) {
            out.println(e.getKey() + "\t" + e.getValue() + " kinds" + (e.getKey().equals(newest) ? "\t(default)" : ""));
        }
        out.flush();
        return 0;
    }
}
