package io.kgate.cli;

import io.kgate.load.IgnorePattern;
import io.kgate.check.rules.Config;
import io.kgate.load.PathFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What a run leaves out: {@code exclude:} of the config (relative to its directory), then
 * {@code --exclude} (relative to the working directory), one list in which the last matching pattern
 * wins, so a later {@code !pattern} brings a file back; and what git ignores in the repository
 * walked ({@link GitIgnored}), never for files named on the command line. Excluded files and
 * directories are listed as skipped with the pattern.
 */
final class Exclusions implements PathFilter {
    private final List<IgnorePattern> patterns;
    /** Without negations a directory matched by {@code DIR/**} is left out whole (one skipped entry). */
    private final boolean anyNegation;
    private final boolean gitignore;
    /** The git top-level of each directory seen (empty: in no repository), and each repository's rules. */
    private final Map<Path, Optional<Path>> topOf = new ConcurrentHashMap<>();
    private final Map<Path, GitIgnored> repositories = new ConcurrentHashMap<>();

    private Exclusions(List<IgnorePattern> patterns, boolean gitignore) {
        this.patterns = List.copyOf(patterns);
        this.anyNegation = patterns.stream().anyMatch(IgnorePattern::negated);
        this.gitignore = gitignore;
    }

    /**
     * The exclusions of a run. {@code where} maps a working-tree directory to where it is in the tree
     * checked (a git snapshot: the patterns stay relative to the repository); {@code gitignore} false
     * for a snapshot, which holds tracked files only.
     */
    static Exclusions of(List<String> excludeOptions, Config config, UnaryOperator<Path> where, boolean gitignore) {
        List<IgnorePattern> patterns = new ArrayList<>();
        if (config.dir() != null) {
            String source = Path.of(config.file()).getFileName() + " exclude:";
            for (String e : config.exclude()) {
                add(patterns, e, where.apply(config.dir()), source);
            }
        }
        Path cwd = where.apply(Path.of("").toAbsolutePath().normalize());
        for (String e : excludeOptions) {
            add(patterns, e, cwd, "--exclude");
        }
        return new Exclusions(patterns, gitignore);
    }

    private static void add(List<IgnorePattern> out, String pattern, Path base, String source) {
        IgnorePattern p;
        try {
            p = IgnorePattern.parse(pattern, base, source);
        } catch (IllegalArgumentException e) {
            throw new KgateCommand.UsageError(source + " '" + pattern + "': " + e.getMessage());
        }
        if (p == null) {
            throw new KgateCommand.UsageError(source + " '" + pattern + "': not a pattern (empty, or a # comment)");
        }
        out.add(p);
    }

    @Override
    public String reason(Path path, boolean directory, boolean given) {
        Path abs = path.toAbsolutePath().normalize();
        IgnorePattern p = excludedBy(abs, directory);
        if (given) {
            // a file named on the command line (pre-commit passes staged files) is excluded with its directories
            for (Path d = abs.getParent(); p == null && d != null; d = d.getParent()) {
                p = excludedBy(d, true);
            }
        }
        if (p != null) {
            return "excluded by " + p.source() + " '" + p.text() + "'";
        }
        if (!gitignore || given) {
            return null;
        }
        Path dir = abs.getParent();
        Path top = dir == null ? null : topOf(dir).orElse(null);
        return top == null ? null : repositories.computeIfAbsent(top, GitIgnored::of).reasonOfNormalised(abs, directory);
    }

    /**
     * The top of the git work tree holding the absolute, normalised {@code dir}: the nearest directory
     * with a .git (a directory, or a worktree's file); empty when there is none. Found without running
     * git, and from its parent's answer: a directory of a walk costs one look for .git, not one per
     * ancestor.
     */
    private Optional<Path> topOf(Path dir) {
        Optional<Path> known = topOf.get(dir);
        if (known == null) {
            Path parent = dir.getParent();
            known = Files.exists(dir.resolve(".git")) ? Optional.of(dir)
                    : parent == null ? Optional.empty() : topOf(parent);
            topOf.putIfAbsent(dir, known);
        }
        return known;
    }

    /** The pattern that excludes {@code abs} (the last that matches, unless it is a negation), or null. */
    private IgnorePattern excludedBy(Path abs, boolean directory) {
        IgnorePattern last = null;
        for (IgnorePattern p : patterns) {
            String rel = p.relative(abs);
            if (rel != null && (p.matches(rel, directory) || directory && !anyNegation && p.matchesAllOf(rel))) {
                last = p;
            }
        }
        return last == null || last.negated() ? null : last;
    }
}
