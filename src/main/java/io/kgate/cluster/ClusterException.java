package io.kgate.cluster;

/** The cluster cannot be used at all (unreachable, TLS, credentials, timeout): one line, exit code 2. */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message, null, false, false);
    }
}
