package io.kgate.load;

import io.kgate.finding.Finding;
import io.kgate.finding.PackedFindings;
import io.kgate.finding.Severity;
import io.kgate.model.KubeObject;
import io.kgate.model.Pos;
import io.kgate.model.SourceFile;
import io.kgate.model.Timings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reads files and directories into positioned Kubernetes objects. Only reads: it never writes to,
 * renames or locks what it reads. Every problem names the file and the line.
 */
public final class Loader {
    /** Rule ids of the problems found while loading. */
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String FILE_READ = "file-read";
    public static final String OBJECT_IDENTITY = "object-identity";

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules");

    private final LoadLimits limits;
    /**
     * Files to read, in report order, as they are found (a file reached twice is read once), then
     * {@link #FOUND}, or what ended the finding (a {@link PathException}, an unexpected throwable).
     */
    private final BlockingQueue<Object> sources = new LinkedBlockingQueue<>();
    /** Every file has been found. */
    private static final Object FOUND = new Object();
    /** What finding the files found or left out; read once {@link #FOUND} is taken. */
    private final List<Finding> findings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    /** What identifies each file added (see {@link #identity}), so a file reached twice is read once. */
    private final Set<Object> seen = new HashSet<>();

    /**
     * A file to read: its display name and either its path or (stdin) its bytes; {@code walkedSize}: the
     * size a walk read in its attributes when it found a regular file (links followed), else -1.
     */
    private record Source(String shown, Path path, byte[] bytes, long walkedSize) {
        Source(String shown, Path path, byte[] bytes) {
            this(shown, path, bytes, -1);
        }
    }

    /** A file to read and, when files are read while the walk goes on, its reading under way. */
    private record Pending(Source source, ForkJoinTask<FileParser.FileLoad> reading) {
    }

    /**
     * Reads and passes files as the walk finds them, so finding them (a system call or two per file,
     * the exclusions) does not hold the reading up; null with one thread: read after the walk.
     */
    private ForkJoinPool readers;

    /**
     * How many files found the walk may have ahead of the file joined last. Unbounded, a walk that
     * ends long before the reading held every file's pending reading (a path, its task, its result
     * waiting to be joined) at once: long enough to survive young collections and die old, a few
     * hundred bytes per file. Enough to keep every reader busy while the walk waits.
     */
    static final int FILES_AHEAD = 256;
    private Semaphore ahead;

    /** Directories and files the caller wants left out, with the reason. */
    private final PathFilter filter;

    public Loader(LoadLimits limits) {
        this(limits, PathFilter.NONE);
    }

    /** {@code filter} says why a directory or file is left out, or null to read it. */
    public Loader(LoadLimits limits, PathFilter filter) {
        this(limits, filter, FilePass.NONE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code pass} runs on each file's objects as soon as it is parsed; files are read by
     * {@code threads} threads (1: one after the other, in this thread).
     */
    public Loader(LoadLimits limits, PathFilter filter, FilePass pass, int threads) {
        this.limits = limits;
        this.filter = filter;
        this.pass = pass;
        this.threads = Math.max(1, threads);
    }

    private final FilePass pass;
    private final int threads;

    /**
     * Loads every path in order ("-" is standard input). Directories are walked recursively in
     * sorted order. A path that does not exist is a {@link PathException}. Files are parsed in
     * parallel; the result is the same as reading them one by one.
     */
    public LoadResult load(List<String> paths, InputStream stdin) throws PathException {
        readers = threads > 1 ? new ForkJoinPool(threads) : null;
        ahead = new Semaphore(FILES_AHEAD);
        try {
            return loadAll(paths, stdin);
        } finally {
            if (readers != null) {
                // every reading wanted has been joined; after an error none is wanted, and a walk waiting
                // for room goes on to find the pool shut (its next reading is refused, which ends it)
                readers.shutdownNow();
                ahead.release(Integer.MAX_VALUE / 2);
            }
        }
    }

    private LoadResult loadAll(List<String> paths, InputStream stdin) throws PathException {
        if (readers == null) {
            // one thread: every file found, then read (a path that does not exist stops it before any reading)
            failIf(find(paths, stdin));
        } else {
            // found on another thread while this one joins the readings in order: the readings done
            // while a large walk goes on are not all held until it ends. A large stack: the walk
            // recurses once per directory level.
            Thread.ofPlatform().daemon().name("kgate-find").stackSize(64 << 20).start(() -> find(paths, stdin));
        }
        List<SourceFile> files = new ArrayList<>();
        List<KubeObject> objects = new ArrayList<>();
        List<Skipped> skippedReading = new ArrayList<>();
        // packed as each file is joined, while the next ones are read: the findings of a large tree are
        // not all held as objects until the tree pass (see PackedFindings)
        PackedFindings.Builder found = new PackedFindings.Builder();
        int documents = 0;
        for (Object next = take(); next != FOUND; next = take()) {
            failIf(next);
            Pending p = (Pending) next;
            FileParser.FileLoad l = p.reading() != null ? p.reading().join() : readAndPass(p.source());
            if (p.reading() != null) {
                ahead.release();
            }
            files.add(l.file());
            objects.addAll(l.objects());
            found.addAll(l.findings());
            skippedReading.addAll(l.skipped());
            documents += l.documents();
        }
        Timings.step("files read, checked alone");
        // what finding the files reported comes first, as when every file was found before any was read
        PackedFindings all = findings.isEmpty() ? found.build()
                : PackedFindings.concat(List.of(PackedFindings.of(findings), found.build()));
        skipped.addAll(skippedReading);
        return new LoadResult(List.copyOf(files), documents, List.copyOf(objects), all, List.copyOf(skipped));
    }

    private Object take() {
        try {
            return sources.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading files", e);
        }
    }

    /** Throws {@code found} when it is what ended the finding of files. */
    private static void failIf(Object found) throws PathException {
        if (found instanceof PathException e) {
            throw e;
        } else if (found instanceof RuntimeException e) {
            throw e;
        } else if (found instanceof Error e) {
            throw e;
        }
    }

    /**
     * Finds the files of {@code paths} in order, starting each one's reading, and ends the queue
     * with {@link #FOUND} or what stopped it, which it returns.
     */
    private Object find(List<String> paths, InputStream stdin) {
        Object end = FOUND;
        try {
            findAll(paths, stdin);
            Timings.step("files found"); // their reading is under way by then
        } catch (PathException | RuntimeException | Error e) {
            end = e;
        }
        sources.add(end);
        return end;
    }

    private void findAll(List<String> paths, InputStream stdin) throws PathException {
        for (String arg : paths) {
            if (arg.equals("-")) {
                try {
                    sources.add(startReading(new Source("-", null, readAtMost(stdin, limits.maxFileBytes()))));
                } catch (IOException e) {
                    throw new PathException("cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                throw new PathException(Files.isSymbolicLink(p) ? arg + ": broken symbolic link"
                        : arg + ": no such file or directory");
            }
            if (Files.isDirectory(p)) {
                walk(arg, p);
            } else if (!Files.isReadable(p)) {
                throw new PathException(arg + ": permission denied");
            } else if (filter.reason(p, false, true) != null) {
                skipped.add(new Skipped(arg, filter.reason(p, false, true)));
            } else {
                addFile(arg, p);
            }
        }
    }

    /** {@code s}, its reading started now when files are read on threads. */
    private Pending startReading(Source s) {
        if (readers == null) {
            return new Pending(s, null);
        }
        ahead.acquireUninterruptibly();
        return new Pending(s, readers.submit(() -> readAndPass(s)));
    }

    private FileParser.FileLoad readAndPass(Source s) {
        FileParser.FileLoad l = read(s);
        if (l.objects().isEmpty()) {
            return l;
        }
        List<Finding> found = new ArrayList<>(l.findings());
        List<KubeObject> kept = pass.apply(l.file(), l.objects(), found::add);
        return new FileParser.FileLoad(l.file(), l.documents(), kept, found, l.skipped());
    }

    /** Adds {@code p} unless already added. */
    private void addFile(String shown, Path p) {
        Object identity = identity(p, null);
        if (identity == null || seen.add(identity)) {
            sources.add(startReading(new Source(shown, p, null)));
        }
    }

    /**
     * The file's device and inode when the file system gives them (links followed: the same file by
     * any path), else its real path; null when neither can be read (reading it will report the
     * problem). {@code attrs}: its attributes when a walk read them. Not the real path first: it
     * reads every directory of the path (a readlink each), nine system calls per file of a deep tree.
     */
    private static Object identity(Path p, BasicFileAttributes attrs) {
        try {
            Object key = (attrs != null ? attrs : Files.readAttributes(p, BasicFileAttributes.class)).fileKey();
            return key != null ? key : p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private FileParser.FileLoad read(Source s) {
        if (s.bytes != null) {
            return s.bytes.length > limits.maxFileBytes() ? tooLarge(s.shown, -1)
                    : new FileParser(limits).parse(s.shown, s.bytes);
        }
        try {
            if (s.walkedSize >= 0 && s.walkedSize <= Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 16)) {
                // a byte more than the walk saw: reading it says the file grew
                int asked = (int) s.walkedSize + 1;
                byte[] buffer = readBuffer(asked);
                int n;
                try (InputStream in = Files.newInputStream(s.path)) {
                    n = in.readNBytes(buffer, 0, asked);
                }
                if (n < asked) {
                    return new FileParser(limits).parse(s.shown, buffer, n); // as it is now, shrunk or not
                }
                // larger than the walk saw: read and judged as a file named on the command line
            }
            long size = Files.size(s.path);
            if (size > limits.maxFileBytes()) {
                return tooLarge(s.shown, size);
            }
            if (Files.isRegularFile(s.path)) {
                return new FileParser(limits).parse(s.shown, Files.readAllBytes(s.path));
            }
            // a pipe or a device given by name (kgate <(kustomize build)) has no size: read it up to the limit
            byte[] bytes;
            try (InputStream in = Files.newInputStream(s.path)) {
                bytes = readAtMost(in, limits.maxFileBytes());
            }
            return bytes.length > limits.maxFileBytes() ? tooLarge(s.shown, -1)
                    : new FileParser(limits).parse(s.shown, bytes);
        } catch (IOException e) {
            return FileParser.failed(s.shown, Finding.onFile(FILE_READ, Severity.ERROR,
                    "cannot read file: " + describe(e), s.shown, Pos.START));
        }
    }

    /** A reading thread's buffer is kept up to this size; a larger file is read into an array of its own. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;
    /**
     * Each reading thread's buffer for the files a walk found: the text is made from it before the next
     * file is read, so a tree's bytes are not allocated once more as an array per file.
     */
    private static final ThreadLocal<byte[]> READ_BUFFER = new ThreadLocal<>();

    /** A buffer of at least {@code length} bytes: this thread's kept one when it is small enough. */
    private static byte[] readBuffer(int length) {
        if (length > KEPT_BUFFER_BYTES) {
            return new byte[length];
        }
        byte[] kept = READ_BUFFER.get();
        if (kept == null || kept.length < length) {
            kept = new byte[Math.min(KEPT_BUFFER_BYTES, Math.max(16 << 10, Integer.highestOneBit(length - 1) << 1))];
            READ_BUFFER.set(kept);
        }
        return kept;
    }

    /** Up to {@code limit} + 1 bytes of {@code in}: one byte more than allowed says it is too large. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    }

    /** {@code size} is -1 when the source has no size of its own (a pipe, a device, standard input). */
    private FileParser.FileLoad tooLarge(String shown, long size) {
        String actual = size < 0 ? "larger" : String.format(Locale.ROOT, "%.1f MiB, larger", size / 1048576.0);
        return FileParser.failed(shown, Finding.onFile(FILE_READ, Severity.ERROR, String.format(Locale.ROOT,
                "file is %s than the %d MiB limit (--max-file-size)", actual, limits.maxFileBytes() / 1048576),
                shown, Pos.START));
    }

    private void walk(String arg, Path root) throws PathException {
        // listed in path order, like the files read: the file system's listing order varies
        Map<Path, Skipped> skippedHere = new TreeMap<>((a, b) -> Paths.compare(root.relativize(a), root.relativize(b)));
        try {
            // in path order, the order the readings are joined in: they are not held long
            SortedWalk.walk(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String reason = dir.equals(root) ? null : skipReason(dir, root);
                    if (reason == null && !dir.equals(root)) {
                        reason = filter.reason(dir, true, false);
                    }
                    if (reason != null) {
                        skippedHere.put(dir, new Skipped(display(arg, root, dir), reason));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isManifestName(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relativeName(root, file); // after the argument, the name shown
                    String excluded = filter.reason(file, false, false);
                    if (excluded != null) {
                        skippedHere.put(file, new Skipped(shown(arg, rel), excluded));
                    } else if (!attrs.isOther()) {
                        // a regular file, or a broken link that reading will report; read now unless an
                        // earlier path argument or this walk has it already: the same file by two paths
                        // (links) is read once, by the first in path order, the order the walk goes in
                        Object identity = identity(file, attrs);
                        if (identity == null || seen.add(identity)) {
                            sources.add(startReading(new Source(shown(arg, rel), file, null,
                                    attrs.isRegularFile() ? attrs.size() : -1)));
                        }
                    } else {
                        // opening a pipe blocks until someone writes; a device may never end
                        skippedHere.put(file, new Skipped(shown(arg, rel), notRegular(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String shown = display(arg, root, file);
                    if (e instanceof FileSystemLoopException) {
                        skippedHere.put(file, new Skipped(shown, "symbolic link loop: directory already visited"));
                    } else if (isManifestName(file.getFileName().toString())) {
                        findings.add(Finding.onFile(FILE_READ, Severity.ERROR,
                                "cannot read file: " + describe(e), shown, Pos.START));
                    } else if (!(e instanceof NoSuchFileException)) {
                        skippedHere.put(file, new Skipped(shown, "cannot be read: " + describe(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PathException(arg + ": " + describe(e));
        }
        skipped.addAll(skippedHere.values());
    }

    /** Why a file found in a directory is not read, from its type (read without opening it). */
    static String notRegular(Path file) {
        String type;
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            type = switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            type = "not a regular file";
        }
        if (Files.isSymbolicLink(file)) {
            try {
                type = "symbolic link to " + Files.readSymbolicLink(file) + ", " + type;
            } catch (IOException e) {
                type = "symbolic link to " + type;
            }
        }
        return type + ": not read (it could block or never end)";
    }

    private static String skipReason(Path dir, Path root) {
        if (dir.equals(root)) {
            return null;
        }
        String name = dir.getFileName().toString();
        if (SKIPPED_DIRS.contains(name)) {
            return name.equals(".git") ? "git metadata directory" : "node_modules directory (dependencies)";
        }
        if (name.equals("templates") && dir.getParent() != null
                && (Files.exists(dir.getParent().resolve("Chart.yaml")) || Files.exists(dir.getParent().resolve("Chart.yml")))) {
            return "Helm chart templates (Go templates are not YAML); render them with helm template and pipe to kgate -";
        }
        return null;
    }

    static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static String display(String arg, Path root, Path file) {
        return shown(arg, root.relativize(file).toString());
    }

    /** A file found walking the path argument {@code arg}, as reports show it: {@code rel} is relative to it. */
    private static String shown(String arg, String rel) {
        if (rel.isEmpty()) {
            return arg;
        }
        String base = arg.endsWith("/") ? arg.substring(0, arg.length() - 1) : arg;
        return base.equals(".") ? rel : base + "/" + rel;
    }

    /** {@code path}, met walking {@code root}, relative to it: the text after root's, where the walk put it. */
    static String relativeName(Path root, Path path) {
        String rel = Paths.below(root.toString(), path.toString());
        return rel != null ? rel : root.relativize(path).toString();
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file (broken symbolic link?)";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

}
