package io.kgate.check;

import io.kgate.NativeImage;
import io.kgate.finding.Finding;
import io.kgate.finding.PackedFindings;
import io.kgate.finding.RuleCatalog;
import io.kgate.load.FilePass;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import io.kgate.load.PathFilter;
import io.kgate.model.KubeObject;
import io.kgate.model.Parallel;
import io.kgate.model.RetainedFields;
import io.kgate.model.SourceFile;
import io.kgate.model.Timings;
import io.kgate.unit.UnitDetector;
import io.kgate.unit.UnitOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The pipeline, in two passes. The file pass runs as each file is parsed, on all cores: the
 * {@link ObjectCheck}s see every object whole, then only what the tree pass needs is kept of it
 * ({@link RetainedFields}). The tree pass splits the tree into deployment units ({@link UnitDetector})
 * and runs every check, linking objects across files within each unit; then each file's findings go
 * through the filters (suppressions), the findings of disabled rules are dropped, and the rest is
 * ordered, files in parallel.
 * Objects with Flux {@code ${VAR}} placeholders skip the file pass: their object checks run in the
 * tree pass, on the substituted values. The rule catalogue of the run gives every finding its rule's
 * severity (the loader's findings too). The report does not depend on the number of threads.
 */
public final class Linter {
    /**
     * A step over the findings of a run after the checks (e.g. suppressions), applied file by file:
     * {@code load} holds one file and its objects, {@code findings} that file's findings.
     */
    public interface FindingFilter {
        List<Finding> apply(LoadResult load, List<Finding> findings);
    }

    /** The rules of the findings the loader makes, with a severity of its own. */
    private static final Set<String> LOADER_RULES = Set.of(Loader.YAML_SYNTAX, Loader.FILE_READ,
            Loader.OBJECT_IDENTITY);

    private final List<Check> checks;
    private final List<FindingFilter> filters;
    private final RuleCatalog rules;
    private final List<ObjectCheck> objectChecks;
    /** What the tree pass keeps of each object; null keeps objects whole. */
    private final RetainedFields retained;
    private final int threads;
    private final UnitOptions units;

    public Linter(List<Check> checks, List<FindingFilter> filters, RuleCatalog rules) {
        this(checks, filters, rules, retainedFor(checks), Runtime.getRuntime().availableProcessors(),
                UnitOptions.NONE);
    }

    private Linter(List<Check> checks, List<FindingFilter> filters, RuleCatalog rules, RetainedFields retained,
            int threads, UnitOptions units) {
        this.checks = List.copyOf(checks);
        this.filters = List.copyOf(filters);
        this.rules = rules;
        this.objectChecks = checks.stream().filter(c -> c instanceof ObjectCheck).map(c -> (ObjectCheck) c).toList();
        this.retained = retained;
        this.threads = threads;
        this.units = units;
    }

    /** What the tree passes of {@code checks} read; null when one of them needs whole objects. */
    private static RetainedFields retainedFor(List<Check> checks) {
        List<String> fields = fieldsRead(checks);
        return fields == null ? null : RetainedFields.of(fields);
    }

    /** The fields the tree passes of {@code checks} read; null when one of them needs whole objects. */
    private static List<String> fieldsRead(List<Check> checks) {
        // the values to mask in every report, whichever checks run
        List<String> fields = new ArrayList<>(SecretMasking.RETAINED);
        fields.addAll(UnitDetector.READS);
        for (Check c : checks) {
            List<String> read = c.retainedFields();
            if (read == null) {
                return null;
            }
            fields.addAll(read);
        }
        return fields;
    }

    /** This linter reading files with {@code threads} threads (1: one after the other). */
    public Linter withThreads(int threads) {
        return new Linter(checks, filters, rules, retained, Math.max(1, threads), units);
    }

    /** This linter keeping every object whole for the tree pass (as a reference for tests). */
    public Linter keepingWholeObjects() {
        return new Linter(checks, filters, rules, null, threads, units);
    }

    /**
     * This linter keeping {@code fields} of each object too ({@link RetainedFields} syntax), for a report
     * that reads them after the run (the audit's budget table).
     */
    public Linter retainingAlso(List<String> fields) {
        List<String> read = fieldsRead(checks);
        if (retained == null || read == null) {
            return this; // objects are kept whole already
        }
        read.addAll(fields);
        return new Linter(checks, filters, rules, RetainedFields.of(read), threads, units);
    }

    /** This linter, detecting units with {@code options} (the paths given, the units of the config). */
    public Linter withUnits(UnitOptions options) {
        return new Linter(checks, filters, rules, retained, threads, options);
    }

    public RuleCatalog rules() {
        return rules;
    }

    /** The file pass: the object checks on each object, then what the tree pass keeps of it. */
    public FilePass filePass() {
        return (file, objects, out) -> {
            CheckContext ctx = new CheckContext(new LoadResult(List.of(file), 0, objects, List.of(), List.of()), rules);
            List<KubeObject> kept = new ArrayList<>(objects.size());
            for (KubeObject o : objects) {
                if (UnitDetector.deferred(o)) {
                    kept.add(o); // checked in the tree pass, once substituted
                    continue;
                }
                boolean whole = retained == null || UnitDetector.needsWholeTree(o);
                for (ObjectCheck c : objectChecks) {
                    c.check(ctx, o, out);
                    whole |= c.needsWholeTree(o);
                }
                kept.add(whole ? o : retained.retain(o));
            }
            return kept;
        };
    }

    /** A loader that runs this linter's file pass; {@link #finish} completes what it loads. */
    public Loader loader(LoadLimits limits, PathFilter filter) {
        return new Loader(limits, filter, filePass(), threads);
    }

    public LintResult lint(List<String> paths, InputStream stdin, LoadLimits limits) throws PathException {
        Linter l = units.targets().isEmpty() ? withUnits(units.withTargets(paths)) : this;
        return l.finish(l.loader(limits, PathFilter.NONE).load(paths, stdin));
    }

    /** Both passes over a load made by a plain {@link Loader} (without this linter's file pass). */
    public LintResult lint(LoadResult load) {
        List<Finding> found = new ArrayList<>(load.findings());
        List<KubeObject> kept = new ArrayList<>(load.objects().size());
        FilePass pass = filePass();
        List<KubeObject> objects = load.objects();
        for (int from = 0; from < objects.size();) {
            SourceFile file = objects.get(from).file();
            int to = from;
            while (to < objects.size() && objects.get(to).file() == file) {
                to++;
            }
            kept.addAll(pass.apply(file, objects.subList(from, to), found::add));
            from = to;
        }
        return finish(new LoadResult(load.files(), load.documents(), kept, found, load.skipped()));
    }

    /** The tree pass and the filters, over a load whose file pass has run ({@link #loader}). */
    public LintResult finish(LoadResult loaded) {
        UnitDetector.Result split = UnitDetector.detect(loaded, units);
        Timings.step("units");
        LoadResult load = split.load();
        Chunks chunks = Chunks.of(load, threads);
        // the findings of the run in parts, in order, each packed as it is made (see PackedFindings); the
        // loader's get their rule's severity when they are finished (it runs before any rule set exists)
        List<List<Finding>> parts = new ArrayList<>();
        parts.add(load.findings());
        List<Finding> early = new ArrayList<>();
        // the unit detection's, made before any rule set existed too, get theirs here (the file pass's
        // checks gave theirs, some deliberately lower: a warning that an expression cannot be evaluated)
        for (Finding f : split.findings()) {
            early.add(f.withSeverity(rules.severity(f.rule())));
        }
        CheckContext ctx = new CheckContext(load, rules, split.units());
        List<KubeObject> deferred = loaded.objects().stream().filter(UnitDetector::deferred).toList();
        // the objects present after the units, by identity: only made when some object was deferred (a
        // set of a large tree's every object, for none)
        Set<KubeObject> present = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!deferred.isEmpty()) {
            present.addAll(load.objects());
        }
        for (KubeObject o : deferred) {
            KubeObject now = split.replaced().getOrDefault(o, o);
            if (present.contains(now)) {
                for (ObjectCheck c : objectChecks) {
                    c.check(ctx, now, early::add);
                }
            }
        }
        parts.add(early);
        Timings.step("deferred object checks");
        // on the run's threads: the tasks of every check in one list (none waits on another's parts);
        // findings keep the order of the checks and of their tasks whatever the number of threads
        parts.addAll(Parallel.on(threads, () -> {
            List<Callable<PackedFindings>> tasks = new ArrayList<>();
            for (Check c : checks) {
                String name = c.getClass().getSimpleName();
                for (Check.Task t : c.tasks(ctx)) {
                    // packed as they come, not held as objects until the task ends (a young collection
                    // meanwhile would keep them all); a segment per chunk of files where the task's
                    // findings follow the tree's order: they are finished chunk by chunk (finishByFile)
                    tasks.add(() -> {
                        PackedFindings.Builder found = PackedFindings.Builder.endingSegmentsAt(chunks::of);
                        Timings.timed(name, () -> {
                            t.run(found::add);
                            return null;
                        }).call();
                        return found.build();
                    });
                }
            }
            Timings.step("graphs, tasks prepared");
            return Parallel.inOrder(tasks);
        }));
        Timings.step("checks");
        collectWhatTheStepLeft(load);
        List<Finding> finished = finishByFile(load, parts, split, chunks);
        Timings.step("filters, masking, order");
        collectWhatTheStepLeft(load);
        return new LintResult(load, finished, split.units());
    }

    /** Objects from which the native executable collects completely after the checks and the filters. */
    private static final int COLLECT_FROM_OBJECTS = 20_000;

    /**
     * A complete collection where a step of a large run leaves the most dead: the graphs, decoded trees and
     * indexes of the checks; the decoded findings of the filters. The native executable's serial collector
     * promotes what is alive at each young collection, and what dies soon after stays in the old generation,
     * which its policy grows to about 1.5 times what it holds: at 100,000 documents the peak RSS came from
     * that (203–215 MiB), and collecting at these two points took it to 187–195 MiB in the same wall time
     * (the two replace one or two of the policy's: 5 complete collections instead of 4, 0.05–0.1 s more
     * collection of a 6.7 s run; docs/benchmark-history.md, "Less allocated, collected where it died"). Not
     * in a JVM, whose collectors size themselves, nor for a small tree (a pre-commit hook's), where there is
     * little to gain. {@code -XX:+DisableExplicitGC} turns it off.
     */
    private static void collectWhatTheStepLeft(LoadResult load) {
        if (load.objects().size() >= COLLECT_FROM_OBJECTS && NativeImage.running()) {
            System.gc();
            Timings.step("complete collection"); // not counted in the step that follows
        }
    }

    /** Files per task when their findings are finished on the run's threads, at most. */
    private static final int FILES_PER_TASK = 512;
    /**
     * Tasks per thread at least, when there are files enough: with a few chunks of 512 files (a tree of
     * 10,000 documents has 7), one thread finished the last chunk alone.
     */
    private static final int TASKS_PER_THREAD = 8;
    /** Files per task at least: a chunk's findings are sorted into it, and segments spanning chunks are decoded. */
    private static final int FEWEST_FILES_PER_TASK = 64;

    /**
     * The findings filtered and ordered file by file, on the run's threads: what the filters do to a
     * file's findings depends on that file alone (its suppression comments and objects), and the
     * report lists files one after the other. The files are split in chunks of consecutive files in
     * report order; the findings are first sorted into their file's chunk, in the order of the parts,
     * then each chunk is finished on its own.
     */
    private List<Finding> finishByFile(LoadResult load, List<List<Finding>> parts, UnitDetector.Result split,
            Chunks chunks) {
        return Parallel.on(threads, () -> {
            // each chunk's files and objects, in load order: a chunk's task groups them by file (maps of
            // every file of a large tree, held through this step, were promoted and died old)
            List<List<SourceFile>> filesOf = new ArrayList<>();
            List<List<KubeObject>> objectsOf = new ArrayList<>();
            for (int k = 0; k < chunks.count(); k++) {
                filesOf.add(new ArrayList<>());
                objectsOf.add(new ArrayList<>());
            }
            // the findings sorted into chunks on the run's threads, a range of parts each, the files,
            // objects and secret values meanwhile
            List<List<Finding>> pieces = new ArrayList<>();
            for (List<Finding> part : parts) {
                // in more pieces than threads: each thread's share is then about the same
                pieces.addAll(part instanceof PackedFindings p ? p.inPieces(4 * threads) : List.of(part));
            }
            // three tasks, not one: a large tree's secrets were this step's longest task
            List<Callable<Object>> first = new ArrayList<>();
            first.add(() -> SecretMasking.secretValues(load.objects()));
            first.add(() -> {
                for (SourceFile f : load.files()) {
                    filesOf.get(chunks.of(f.displayName())).add(f);
                }
                return null;
            });
            first.add(() -> {
                for (KubeObject o : load.objects()) {
                    objectsOf.get(chunks.of(o.file().displayName())).add(o);
                }
                return null;
            });
            long total = parts.stream().mapToLong(List::size).sum();
            long before = 0;
            int from = 0;
            int ranges = 0;
            for (int i = 0; i < pieces.size(); i++) {
                before += pieces.get(i).size();
                // the range of the pieces holding the next 1/threads of the findings
                if (before * threads >= total * (ranges + 1) || i == pieces.size() - 1) {
                    List<List<Finding>> range = pieces.subList(from, i + 1);
                    first.add(() -> PackedFindings.sortedBy(range, chunks::of, chunks.count()));
                    from = i + 1;
                    ranges++;
                }
            }
            List<Object> done = Parallel.inOrder(first);
            Timings.step("findings sorted by file");
            SecretMasking.Values secretValues = (SecretMasking.Values) done.get(0);
            List<Callable<PackedFindings>> tasks = new ArrayList<>();
            for (int k = 0; k < chunks.count(); k++) {
                List<PackedFindings> chunk = new ArrayList<>();
                for (Object sorted : done.subList(3, done.size())) {
                    chunk.add(((PackedFindings[]) sorted)[k]);
                }
                int at = k;
                tasks.add(() -> {
                    Map<String, List<SourceFile>> files = new HashMap<>();
                    for (SourceFile f : filesOf.get(at)) {
                        files.computeIfAbsent(f.displayName(), n -> new ArrayList<>()).add(f);
                    }
                    Map<String, List<KubeObject>> objects = new HashMap<>();
                    for (KubeObject o : objectsOf.get(at)) {
                        objects.computeIfAbsent(o.file().displayName(), n -> new ArrayList<>()).add(o);
                    }
                    Map<String, List<Finding>> byFile = new HashMap<>();
                    for (Finding f : PackedFindings.concat(chunk)) {
                        // the loader's rules take their severity here (the checks that share them give the same)
                        Finding g = LOADER_RULES.contains(f.rule()) ? f.withSeverity(rules.severity(f.rule())) : f;
                        byFile.computeIfAbsent(g.file(), n -> new ArrayList<>()).add(g);
                    }
                    PackedFindings.Builder out = new PackedFindings.Builder();
                    for (String name : chunks.names(at, byFile.keySet())) {
                        LoadResult file = new LoadResult(files.getOrDefault(name, List.of()), 0,
                                objects.getOrDefault(name, List.of()), List.of(), List.of());
                        out.addAll(finishFile(file, byFile.getOrDefault(name, List.of()), split, secretValues));
                    }
                    return out.build();
                });
            }
            return PackedFindings.concat(Parallel.inOrder(tasks));
        });
    }

    /**
     * The files of a run in chunks of consecutive files in report order: at most {@link #FILES_PER_TASK}
     * of the files read per chunk, fewer for {@link #TASKS_PER_THREAD} chunks per thread, and a file
     * named only by findings (one left out) in the chunk where it sorts.
     */
    private static final class Chunks {
        private final List<String> loaded;
        private final int filesPerChunk;
        /** The chunk of each file read: a binary search with the file order's comparator is slow (it splits paths). */
        private final Map<String, Integer> chunkOf = new HashMap<>();

        private Chunks(List<String> loaded, int threads) {
            this.loaded = loaded;
            this.filesPerChunk = Math.max(FEWEST_FILES_PER_TASK,
                    Math.min(FILES_PER_TASK, loaded.size() / (TASKS_PER_THREAD * threads)));
            for (int i = 0; i < loaded.size(); i++) {
                chunkOf.put(loaded.get(i), i / filesPerChunk);
            }
        }

        static Chunks of(LoadResult load, int threads) {
            Set<String> names = new HashSet<>();
            for (SourceFile f : load.files()) {
                names.add(f.displayName());
            }
            return new Chunks(Finding.inFileOrder(names), threads);
        }

        int count() {
            return loaded.size() / filesPerChunk + 1;
        }

        int of(String file) {
            Integer known = chunkOf.get(file);
            if (known != null) {
                return known;
            }
            int i = Collections.binarySearch(loaded, file, Finding.FILE_ORDER);
            return (i < 0 ? -i - 1 : i) / filesPerChunk;
        }

        /** The files of {@code chunk} in report order: its files read and {@code named} (those its findings name). */
        List<String> names(int chunk, Set<String> named) {
            List<String> read = loaded.subList(Math.min(loaded.size(), chunk * filesPerChunk),
                    Math.min(loaded.size(), (chunk + 1) * filesPerChunk));
            if (chunkOf.keySet().containsAll(named)) {
                return read; // in order already
            }
            Set<String> names = new HashSet<>(read);
            names.addAll(named);
            List<String> order = new ArrayList<>(names);
            order.sort(Finding.FILE_ORDER);
            return order;
        }
    }

    /** One file's findings through the filters, masked and in report order. */
    private List<Finding> finishFile(LoadResult file, List<Finding> findings, UnitDetector.Result split,
            SecretMasking.Values secretValues) {
        // an object in two units is checked in each and reported once
        List<Finding> filtered = new ArrayList<>(new LinkedHashSet<>(findings));
        if (!split.unknowns().isEmpty()) {
            filtered = new ArrayList<>(filtered.stream().filter(f -> !split.unknowns().hides(f))
                    .map(split.unknowns()::redact).toList());
        }
        for (FindingFilter f : filters) {
            filtered = new ArrayList<>(f.apply(file, filtered));
        }
        filtered.removeIf(f -> !rules.enabled(f.rule()));
        filtered = new ArrayList<>(SecretMasking.mask(secretValues, filtered));
        filtered.sort(Finding.ORDER);
        return filtered;
    }
}
