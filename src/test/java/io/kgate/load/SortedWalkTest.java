package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's walk shows its visitor what {@link Files#walkFileTree} (links followed) shows, with
 * each directory's entries in name order: the files come in the order the loader reports them.
 * ASCII names only (CI runs without a UTF-8 locale).
 */
class SortedWalkTest {
    @TempDir
    Path root;

    /** Every call as text, the path relative to the root; files with their type. */
    private static final class Recorder extends SimpleFileVisitor<Path> {
        final Path root;
        final List<String> calls = new ArrayList<>();
        final List<String> files = new ArrayList<>();

        Recorder(Path root) {
            this.root = root;
        }

        private String rel(Path p) {
            return root.relativize(p).toString();
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            calls.add("pre " + rel(dir));
            return dir.getFileName().toString().equals("skipped") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String type = attrs.isRegularFile() ? "regular" : attrs.isSymbolicLink() ? "link" : attrs.isOther() ? "other" : "?";
            calls.add("file " + rel(file) + " " + type + " " + attrs.size());
            files.add(rel(file));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            calls.add("failed " + rel(file) + " " + e.getClass().getSimpleName());
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            calls.add("post " + rel(dir) + (e == null ? "" : " " + e.getClass().getSimpleName()));
            return FileVisitResult.CONTINUE;
        }
    }

    @Test
    void showsWhatWalkFileTreeShowsWithFilesInReportOrder() throws Exception {
        // names whose order as text and as names could differ ("a-b" < "a/…" < "a.yaml" by name), nesting,
        // links to a file, to a directory, back up the tree (a loop), to nothing, a pipe, a skipped subtree
        for (String f : List.of("a/b/c.yaml", "a/b-c.yaml", "a/b.yaml", "a/bc/x.yaml", "a-b/x.yaml", "a.yaml",
                "ab.yaml", "A/x.yaml", "a b/x.yaml", "z.yaml", "skipped/x.yaml", "e/f/g/h.yaml", "0.yaml")) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "kind: " + f.length() + "\n");
        }
        Files.createDirectories(root.resolve("empty"));
        Files.createSymbolicLink(root.resolve("a/link.yaml"), root.resolve("z.yaml"));
        Files.createSymbolicLink(root.resolve("linked-dir"), root.resolve("e/f"));
        Files.createSymbolicLink(root.resolve("e/f/g/up"), root.resolve("e"));
        Files.createSymbolicLink(root.resolve("a/broken.yaml"), root.resolve("nothing-there"));
        boolean pipe = new ProcessBuilder("mkfifo", root.resolve("a/pipe.yaml").toString()).start()
                .waitFor(10, TimeUnit.SECONDS);

        Recorder jdk = new Recorder(root);
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, jdk);
        Recorder sorted = new Recorder(root);
        SortedWalk.walk(root, sorted);

        assertEquals(jdk.calls.stream().sorted().toList(), sorted.calls.stream().sorted().toList());
        List<String> inReportOrder = new ArrayList<>(sorted.files);
        inReportOrder.sort(Paths::compare);
        assertEquals(inReportOrder, sorted.files);
        // the cases are there: a loop reported, a broken link shown as a link, a pipe as other, a subtree skipped
        assertTrue(sorted.calls.contains("failed e/f/g/up FileSystemLoopException"), sorted.calls::toString);
        assertTrue(sorted.calls.stream().anyMatch(c -> c.startsWith("file a/broken.yaml link")), sorted.calls::toString);
        assertTrue(!pipe || sorted.calls.stream().anyMatch(c -> c.startsWith("file a/pipe.yaml other")), sorted.calls::toString);
        assertTrue(sorted.calls.contains("pre skipped") && sorted.files.stream().noneMatch(f -> f.startsWith("skipped")));
        assertTrue(sorted.files.contains("linked-dir/g/h.yaml"), sorted.files::toString);
    }

    @Test
    void anEntryThatCannotBeReadIsAFailedVisitAndTheWalkGoesOn() throws Exception {
        // a root that is not there: the one entry that cannot be read, as walkFileTree reports it
        Recorder jdk = new Recorder(root);
        Files.walkFileTree(root.resolve("missing"), EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, jdk);
        Recorder sorted = new Recorder(root);
        SortedWalk.walk(root.resolve("missing"), sorted);
        assertEquals(List.of("failed missing NoSuchFileException"), sorted.calls);
        assertEquals(jdk.calls, sorted.calls);
    }
}
