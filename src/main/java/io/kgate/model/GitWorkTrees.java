package io.kgate.model;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether files lie inside a git work tree (a directory above them holds {@code .git}), asked once
 * per directory. Standard input counts as kept in git: it usually carries manifests rendered from a
 * repository ({@code kustomize build | kgate -}). One instance per run; not thread-safe.
 */
public final class GitWorkTrees {
    private final Map<Path, Boolean> byDirectory = new HashMap<>();

    /** Whether the file kgate shows as {@code displayName} is kept in git. */
    public boolean contains(String displayName) {
        if (displayName.equals("-")) {
            return true;
        }
        Path dir;
        try {
            dir = Path.of(displayName).toAbsolutePath().normalize().getParent();
        } catch (InvalidPathException e) {
            return true; // a name this locale cannot map back to a path: assume the usual case
        }
        return dir != null && inWorkTree(dir);
    }

    private boolean inWorkTree(Path dir) {
        Boolean known = byDirectory.get(dir);
        if (known != null) {
            return known;
        }
        boolean result = Files.exists(dir.resolve(".git")) || (dir.getParent() != null && inWorkTree(dir.getParent()));
        byDirectory.put(dir, result);
        return result;
    }
}
