package io.kgate.cli;

import io.kgate.finding.Finding;
import io.kgate.check.LintResult;
import io.kgate.check.Linter;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.PathFilter;
import io.kgate.load.PathException;
import io.kgate.load.Skipped;
import io.kgate.model.KubeObject;
import io.kgate.model.SourceFile;
import io.kgate.model.Timings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Linting some files within a larger tree (the pre-commit case): the checks see the whole context
 * directory, so a Service here and its Endpoints elsewhere are linked, but the report covers only
 * the given paths. The given files are loaded last, after the rest of the context, so a conflict
 * between a changed file and an unchanged one (a duplicate object) is reported in the changed file.
 */
final class ContextLint {
    private ContextLint() {
    }

    static LintResult lint(Linter linter, List<String> paths, Path context, InputStream stdin, LoadLimits limits,
            PathFilter exclusions) throws PathException {
        LoadResult given = linter.loader(limits, exclusions).load(paths, stdin);
        Timings.mark("read, parse, file pass");
        if (context == null) {
            return linter.finish(given);
        }
        LoadResult around = linter.loader(limits, exclusions)
                .load(List.of(contextArgument(context)), InputStream.nullInputStream());
        Predicate<String> isGiven = coveredBy(paths);
        List<SourceFile> files = new ArrayList<>();
        around.files().stream().filter(f -> !isGiven.test(f.displayName())).forEach(files::add);
        files.addAll(given.files());
        List<KubeObject> objects = new ArrayList<>();
        around.objects().stream().filter(o -> !isGiven.test(o.file().displayName())).forEach(objects::add);
        objects.addAll(given.objects());
        List<Finding> loadFindings = new ArrayList<>();
        around.findings().stream().filter(f -> !isGiven.test(f.file())).forEach(loadFindings::add);
        loadFindings.addAll(given.findings());
        List<Skipped> skipped = new ArrayList<>(given.skipped());
        LoadResult whole = new LoadResult(files, around.documents() + given.documents(), objects, loadFindings, skipped);
        LintResult all = linter.finish(whole);
        Set<String> reported = new HashSet<>();
        given.files().forEach(f -> reported.add(f.displayName()));
        given.findings().forEach(f -> reported.add(f.file()));
        List<Finding> mine = all.findings().stream().filter(f -> reported.contains(f.file())).toList();
        // the summary and the lists of files describe what was asked for, not the context
        return new LintResult(given, mine, all.units());
    }

    /** The context as the loader should name it: as given, "." for the working directory. */
    private static String contextArgument(Path context) {
        String s = context.toString();
        return s.isEmpty() ? "." : s;
    }

    /** True for a context file that one of the given paths (a file, or a directory above it) covers. */
    private static Predicate<String> coveredBy(List<String> paths) {
        List<Path> real = new ArrayList<>();
        for (String p : paths) {
            if (!p.equals("-")) {
                real.add(realPath(Path.of(p)));
            }
        }
        Map<String, Boolean> memo = new HashMap<>();
        return name -> !name.equals("-") && memo.computeIfAbsent(name, n -> {
            try {
                Path r = realPath(Path.of(n));
                return real.stream().anyMatch(r::startsWith);
            } catch (InvalidPathException e) {
                return false; // a name the platform encoding cannot map was not given by the user
            }
        });
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * The default context: the top of the git work tree holding the given files (a directory with
     * .git, a directory or a worktree's file), or null when they are not all inside one. Found
     * without running git; named relative to the working directory so reports stay relative.
     */
    static Path gitTopLevel(List<String> files) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path first = Path.of(files.get(0)).toAbsolutePath().normalize().getParent();
        for (Path d = first; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                Path top = d;
                boolean all = files.stream().allMatch(f -> Path.of(f).toAbsolutePath().normalize().startsWith(top));
                if (!all) {
                    return null;
                }
                return top.startsWith(cwd) || cwd.startsWith(top) ? cwd.relativize(top) : top;
            }
        }
        return null;
    }

    /** True when every path is an existing regular file: the shape of a pre-commit call. */
    static boolean onlyFiles(List<String> paths) {
        return !paths.isEmpty() && paths.stream().allMatch(p -> !p.equals("-") && Files.isRegularFile(Path.of(p)));
    }
}
