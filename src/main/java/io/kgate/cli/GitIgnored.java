package io.kgate.cli;

import io.kgate.load.IgnorePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What git ignores in the repository kgate walks: the patterns of its {@code .gitignore} files (at
 * every level, a deeper one overriding) and {@code .git/info/exclude}, so build output ({@code target/},
 * rendered manifests) is not read. As in git, a tracked file is never ignored: when a pattern matches,
 * git is asked once which tracked files the patterns match. The global excludes file
 * ({@code core.excludesFile}) is not read.
 */
final class GitIgnored {
    private final Path top;
    private final List<IgnorePattern> infoExclude;
    private final Map<Path, List<IgnorePattern>> byDirectory = new ConcurrentHashMap<>();
    /** Tracked paths that patterns match (absolute), asked of git on the first match; null until then. */
    private volatile Set<Path> tracked;

    private GitIgnored(Path top) {
        this.top = top;
        this.infoExclude = read(top.resolve(".git/info/exclude"), top, ".git/info/exclude");
    }

    /** The ignore rules of the work tree whose top-level is {@code top}. */
    static GitIgnored of(Path top) {
        return new GitIgnored(top.toAbsolutePath().normalize());
    }

    /** Why git ignores {@code path} ("ignored by git (.gitignore: target/)"), or null. */
    String reason(Path path, boolean directory) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(top) || abs.equals(top) || abs.getFileName().toString().equals(".git")) {
            return null;
        }
        IgnorePattern last = null;
        Relative rel = new Relative(abs);
        for (IgnorePattern p : infoExclude) {
            last = decide(p, rel, directory, last);
        }
        List<Path> dirs = new ArrayList<>();
        for (Path d = abs.getParent(); d != null && d.startsWith(top); d = d.getParent()) {
            dirs.add(d);
        }
        for (int i = dirs.size() - 1; i >= 0; i--) { // the top-level's .gitignore first, deeper ones override
            for (IgnorePattern p : patternsOf(dirs.get(i))) {
                last = decide(p, rel, directory, last);
            }
        }
        if (last == null || last.negated() || isTracked(abs, directory)) {
            return null;
        }
        return "ignored by git (" + last.source() + ": " + last.text() + ")";
    }

    private static IgnorePattern decide(IgnorePattern p, Relative rel, boolean directory, IgnorePattern last) {
        String r = rel.to(p.base());
        return r != null && p.matches(r, directory) ? p : last;
    }

    /** A path relative to a pattern's base, made once for all the patterns of one .gitignore. */
    private static final class Relative {
        private final Path abs;
        private Path base;
        private String relative;

        Relative(Path abs) {
            this.abs = abs;
        }

        String to(Path patternBase) {
            if (!patternBase.equals(base)) {
                base = patternBase;
                relative = IgnorePattern.relativeTo(patternBase, abs);
            }
            return relative;
        }
    }

    private List<IgnorePattern> patternsOf(Path dir) {
        return byDirectory.computeIfAbsent(dir, d -> {
            Path file = d.resolve(".gitignore");
            return Files.isRegularFile(file) ? read(file, d, shown(file)) : List.of();
        });
    }

    private boolean isTracked(Path abs, boolean directory) {
        Set<Path> t = tracked;
        if (t == null) {
            synchronized (this) {
                if (tracked == null) {
                    Set<Path> found = new HashSet<>();
                    Git.at(top).trackedButIgnored().forEach(f -> found.add(top.resolve(f).normalize()));
                    tracked = found;
                }
                t = tracked;
            }
        }
        if (!directory) {
            return t.contains(abs);
        }
        return t.stream().anyMatch(f -> f.startsWith(abs)); // a directory holding tracked files is walked
    }

    private static List<IgnorePattern> read(Path file, Path base, String source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of(); // unreadable or not UTF-8: git would still use it, but kgate reads everything then
        }
        List<IgnorePattern> out = new ArrayList<>();
        for (String line : lines) {
            try {
                IgnorePattern p = IgnorePattern.parse(line, base, source);
                if (p != null) {
                    out.add(p);
                }
            } catch (IllegalArgumentException e) {
                // a line git cannot match anything with either ([z-a]): it ignores nothing
            }
        }
        return List.copyOf(out);
    }

    /** A file as reports show it: relative to the working directory when below it. */
    static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
