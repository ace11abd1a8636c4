package io.kgate.cli;

import io.kgate.cluster.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** How the commands that talk to a cluster find it (kubectl's option names). */
public final class ClusterOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig to use (default: KUBECONFIG, ~/.kube/config, or the in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "NAME", description = "Kubeconfig context to use (default: its current context).")
    String context;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Give up on a request after DURATION (10s, 500ms, 1m; default 10s).")
    String requestTimeout;

    /** The connection these options describe; nothing is sent yet. */
    Cluster connect() {
        return Cluster.connect(kubeconfig, context, timeout());
    }

    Duration timeout() {
        Matcher m = DURATION.matcher(requestTimeout.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new KgateCommand.UsageError("--request-timeout must be a positive duration such as 10s, 500ms or 1m, not '"
                    + requestTimeout + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
