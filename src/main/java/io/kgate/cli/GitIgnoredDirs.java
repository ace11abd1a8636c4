package io.kgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The directories a repository's top-level .gitignore names plainly ({@code target/}, {@code /build},
 * {@code dist}), so the pre-commit context does not read build output that git ignores. Patterns
 * with wildcards or negations are not interpreted: those directories are read as usual.
 */
final class GitIgnoredDirs {
    private GitIgnoredDirs() {
    }

    /** A filter for the loader: the reason a directory under {@code top} is left out, or null. */
    static Function<Path, String> of(Path top) {
        Path base = top.toAbsolutePath().normalize();
        Set<String> anyDepth = new HashSet<>();
        Set<Path> anchored = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(base.resolve(".gitignore"));
        } catch (IOException | RuntimeException e) {
            return dir -> null;
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || line.contains("*")
                    || line.contains("?") || line.contains("[")) {
                continue;
            }
            boolean rooted = line.startsWith("/");
            String name = line.replaceAll("^/+", "").replaceAll("/+$", "");
            if (name.isEmpty()) {
                continue;
            }
            if (rooted || name.contains("/")) {
                anchored.add(base.resolve(name).normalize());
            } else {
                anyDepth.add(name);
            }
        }
        if (anyDepth.isEmpty() && anchored.isEmpty()) {
            return dir -> null;
        }
        return dir -> {
            Path abs = dir.toAbsolutePath().normalize();
            boolean ignored = anchored.contains(abs)
                    || (abs.getFileName() != null && anyDepth.contains(abs.getFileName().toString()));
            return ignored ? "ignored by .gitignore (context only)" : null;
        };
    }
}
