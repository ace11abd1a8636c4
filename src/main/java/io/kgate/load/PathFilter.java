package io.kgate.load;

import java.nio.file.Path;

/** What the caller leaves out of a load (--exclude, .gitignore), with the reason shown as skipped. */
@FunctionalInterface
public interface PathFilter {
    PathFilter NONE = (path, directory, given) -> null;

    /**
     * Why {@code path} is not read, or null to read it. {@code directory}: a directory found in a walk
     * (its whole subtree is left out); {@code given}: a file named on the command line.
     */
    String reason(Path path, boolean directory, boolean given);
}
