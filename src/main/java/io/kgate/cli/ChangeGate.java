package io.kgate.cli;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.load.LoadResult;
import io.kgate.load.Skipped;
import io.kgate.model.KubeObject;
import io.kgate.model.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --new-from-rev REV} and {@code --staged}: the tree to check (the working tree, the git index,
 * or a commit under pre-push) and the base tree it is compared with ({@code git merge-base HEAD REV}).
 * Trees other than the working tree are written by git into a temporary directory, checked there and
 * reported under the paths the user knows; the user's working tree and index are never touched.
 */
final class ChangeGate {
    /**
     * Lints some paths as the run was asked to (rules, selection, limits). {@code snapshot} is null
     * for the working tree, else the git snapshot the paths are in.
     */
    interface Lint {
        LintResult run(List<String> paths, Snapshot snapshot);
    }

    /**
     * A tree written by git into {@code tree}: the repository whose top-level is {@code top} as it is
     * in the index or a commit. It holds tracked files only.
     */
    record Snapshot(Path top, Path tree) {
        /**
         * Where a path of the working tree is in the snapshot, so settings relative to the repository
         * (the config's units and excludes, --exclude) apply there; paths outside the repository stay.
         */
        Path map(Path workingTreePath) {
            Path abs = realPath(workingTreePath.toAbsolutePath().normalize());
            return abs.startsWith(top) ? tree.resolve(top.relativize(abs)).normalize() : workingTreePath;
        }
    }

    private final Git git;
    private final Path top;
    private final Path cwd;
    private final PrintWriter err;

    private ChangeGate(Git git, PrintWriter err) {
        this.git = git;
        this.top = realPath(git.topLevel());
        this.cwd = realPath(Path.of("").toAbsolutePath());
        this.err = err;
    }

    /**
     * The run's result: every finding of the checked tree, or with a base only the new ones.
     * {@code env} supplies pre-commit's variables (PRE_COMMIT_FROM_REF/TO_REF).
     */
    static LintResult check(String newFromRev, boolean staged, Map<String, String> env, List<String> targets,
            Lint lint, PrintWriter err) {
        String fromRef = env.getOrDefault("PRE_COMMIT_FROM_REF", "");
        String toRef = env.getOrDefault("PRE_COMMIT_TO_REF", "");
        boolean pushRange = newFromRev != null && !fromRef.isEmpty() && !toRef.isEmpty();
        if (newFromRev != null && !pushRange && PreCommit.runsAllFiles(env)) {
            err.println("kgate: pre-commit run --all-files: checking everything (--new-from-rev and --staged "
                    + "do not apply)");
            return lint.run(targets, null);
        }
        if (targets.contains("-")) {
            throw new KgateCommand.UsageError("--new-from-rev and --staged read git, not standard input ('-')");
        }
        ChangeGate gate = new ChangeGate(Git.here(newFromRev != null ? "--new-from-rev" : "--staged"), err);
        return gate.run(newFromRev, staged, pushRange ? fromRef : null, pushRange ? toRef : null, targets, lint);
    }

    private LintResult run(String newFromRev, boolean staged, String fromRef, String toRef, List<String> targets,
            Lint lint) {
        String base = null;
        String baseLabel = null;
        String current = null;
        if (fromRef != null) {
            current = resolve(toRef, "PRE_COMMIT_TO_REF");
            String from = resolve(fromRef, "PRE_COMMIT_FROM_REF");
            base = mergeBase(from, current, fromRef);
            baseLabel = fromRef;
        } else if (newFromRev != null) {
            String head = git.commit("HEAD");
            String rev = git.commit(newFromRev);
            if (rev == null && !(head == null && newFromRev.equals("HEAD"))) {
                throw unknown(newFromRev, "--new-from-rev");
            }
            // no commit yet: everything is new
            base = rev == null ? null : head == null ? rev : mergeBase("HEAD", rev, newFromRev);
            baseLabel = newFromRev;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("kgate-git-");
            LintResult now;
            if (current != null || staged) {
                Path tree = Files.createDirectories(tmp.resolve("now"));
                git.export(current != null ? git.tree(current) : git.index(), tree);
                now = inSnapshot(tree, targets, lint, current != null ? "in commit " + toRef
                        : "in the git index (untracked? git add it, or leave out --staged)");
            } else {
                now = lint.run(targets, null);
            }
            if (baseLabel == null) {
                return now;
            }
            LintResult before;
            if (base == null) {
                before = new LintResult(now.load(), List.of());
            } else {
                Path tree = Files.createDirectories(tmp.resolve("base"));
                git.export(git.tree(base), tree);
                before = inSnapshot(tree, targets, lint, null);
            }
            NewFindings.Split split = NewFindings.since(now, before);
            if (split.old() > 0) {
                err.println("kgate: " + split.old() + (split.old() == 1 ? " finding" : " findings")
                        + " already present at " + baseLabel + (base == null ? "" : " (" + base.substring(0, 12) + ")")
                        + " not reported");
            }
            return split.fresh();
        } catch (IOException e) {
            throw new KgateCommand.UsageError("cannot write the git snapshot to a temporary directory: " + e.getMessage());
        } finally {
            deleteTree(tmp);
        }
    }

    private String resolve(String rev, String what) {
        String c = git.commit(rev);
        if (c == null) {
            throw unknown(rev, what);
        }
        return c;
    }

    private String mergeBase(String a, String b, String shown) {
        String m = git.mergeBase(a, b);
        if (m == null) {
            throw new KgateCommand.UsageError("no common ancestor of HEAD and " + shown + " in " + top
                    + ": the history is cut off (a shallow clone?); fetch the whole history (actions/checkout with "
                    + "fetch-depth: 0, or git fetch --unshallow)");
        }
        return m;
    }

    private KgateCommand.UsageError unknown(String rev, String what) {
        return new KgateCommand.UsageError(what + " " + rev + ": no such commit in " + top + ". In CI the checkout "
                + "is often shallow and has one branch: fetch the history and the base branch (actions/checkout "
                + "with fetch-depth: 0, or git fetch origin main), or check the name");
    }

    /**
     * Lints the targets inside an exported tree and names everything as in the working tree. A
     * target missing from the base tree is left out (it is new); missing from the checked tree, it is
     * an error ({@code missing} says where it is not).
     */
    private LintResult inSnapshot(Path tree, List<String> targets, Lint lint, String missing) throws IOException {
        Path snapCwd = Files.createDirectories(tree.resolve(top.relativize(cwd)));
        Map<String, String> names = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (String t : targets) {
            Path abs = cwd.resolve(t).normalize();
            if (!abs.startsWith(top)) {
                throw new KgateCommand.UsageError(t + " is outside the git repository " + top);
            }
            String arg;
            String shown;
            if (Path.of(t).isAbsolute()) {
                arg = tree.resolve(top.relativize(abs)).toString();
                shown = t;
            } else {
                String rel = t.replaceAll("/+$", "");
                arg = rel.equals(".") || rel.isEmpty() ? snapCwd.toString() : snapCwd + "/" + rel;
                shown = rel.equals(".") || rel.isEmpty() ? "" : rel;
            }
            if (!Files.exists(Path.of(arg), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (missing != null) {
                    throw new KgateCommand.UsageError(t + ": not " + missing);
                }
                continue;
            }
            args.add(arg);
            names.put(arg, shown);
        }
        if (args.isEmpty()) {
            return new LintResult(new LoadResult(List.of(), 0, List.of(), List.of(), List.of()), List.of());
        }
        return relocate(lint.run(args, new Snapshot(top, tree)), names);
    }

    /** The result with every snapshot path (in file names and messages) replaced by the user's path. */
    static LintResult relocate(LintResult r, Map<String, String> names) {
        // longest first, so a target inside another target's snapshot path is named by itself
        List<Map.Entry<String, String>> order = new ArrayList<>(names.entrySet());
        order.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        Map<String, String> memo = new HashMap<>();
        java.util.function.UnaryOperator<String> rename = s -> s == null ? null : memo.computeIfAbsent(s, x -> {
            String out = x;
            for (Map.Entry<String, String> e : order) {
                String to = e.getValue();
                out = out.replace(e.getKey() + "/", to.isEmpty() ? "" : to + "/")
                        .replace(e.getKey(), to.isEmpty() ? "." : to);
            }
            return out;
        });
        Map<SourceFile, SourceFile> files = new HashMap<>();
        List<SourceFile> renamedFiles = new ArrayList<>();
        for (SourceFile f : r.load().files()) {
            SourceFile g = new SourceFile(rename.apply(f.displayName()), f.lines());
            files.put(f, g);
            renamedFiles.add(g);
        }
        List<KubeObject> objects = new ArrayList<>();
        for (KubeObject o : r.load().objects()) {
            SourceFile g = Optional.ofNullable(files.get(o.file()))
                    .orElseGet(() -> new SourceFile(rename.apply(o.file().displayName()), o.file().lines()));
            objects.add(o.withFile(g));
        }
        java.util.function.Function<Finding, Finding> renameFinding = f -> new Finding(f.rule(), f.severity(),
                rename.apply(f.message()), rename.apply(f.file()), f.pos(), f.object(), f.path());
        List<Finding> loadFindings = r.load().findings().stream().map(renameFinding).toList();
        List<Skipped> skipped = r.load().skipped().stream()
                .map(s -> new Skipped(rename.apply(s.file()), rename.apply(s.reason()))).toList();
        LoadResult load = new LoadResult(renamedFiles, r.load().documents(), objects, loadFindings, skipped);
        List<Finding> findings = new ArrayList<>(r.findings().stream().map(renameFinding).toList());
        findings.sort(Finding.ORDER);
        return new LintResult(load, List.copyOf(findings));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Deletes the snapshot; links are removed, never followed. */
    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover temporary directory is not worth failing the run for
        }
    }
}
