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
    /** The patterns in effect in each directory seen (see {@link #inEffect}). */
    private final Map<Path, List<IgnorePattern>> inEffect = new ConcurrentHashMap<>();
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
        return reasonOfNormalised(path.toAbsolutePath().normalize(), directory);
    }

    /** {@link #reason} of an absolute, normalised path. */
    String reasonOfNormalised(Path abs, boolean directory) {
        Path dir = abs.getParent();
        if (dir == null || IgnorePattern.relativeTo(top, abs) == null || abs.getFileName().toString().equals(".git")) {
            return null;
        }
        IgnorePattern last = null;
        Relative rel = new Relative(abs);
        for (IgnorePattern p : inEffect(dir)) {
            String r = rel.to(p.base());
            if (r != null && p.matches(r, directory)) {
                last = p;
            }
        }
        if (last == null || last.negated() || isTracked(abs, directory)) {
            return null;
        }
        return "ignored by git (" + last.source() + ": " + last.text() + ")";
    }

    /**
     * The patterns that apply in {@code dir} (in the work tree) in git's order, the last match deciding:
     * .git/info/exclude, then each .gitignore from the top-level's down to {@code dir}'s own. Made once
     * per directory from its parent's: a walk asks for every file. A directory without a .gitignore
     * shares its parent's list.
     */
    private List<IgnorePattern> inEffect(Path dir) {
        List<IgnorePattern> known = inEffect.get(dir);
        if (known != null) {
            return known;
        }
        List<IgnorePattern> above = dir.equals(top) || dir.getParent() == null ? infoExclude : inEffect(dir.getParent());
        List<IgnorePattern> own = patternsOf(dir);
        List<IgnorePattern> all = above;
        if (!own.isEmpty()) {
            List<IgnorePattern> both = new ArrayList<>(above);
            both.addAll(own);
            all = List.copyOf(both);
        }
        List<IgnorePattern> first = inEffect.putIfAbsent(dir, all);
        return first != null ? first : all;
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

    /** The patterns of {@code dir}'s own .gitignore. */
    private static List<IgnorePattern> patternsOf(Path dir) {
        Path file = dir.resolve(".gitignore");
        return Files.isRegularFile(file) ? read(file, dir, shown(file)) : List.of();
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
