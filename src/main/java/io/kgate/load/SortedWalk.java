package io.kgate.load;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * {@link Files#walkFileTree} following links, with the entries of each directory visited in the
 * order of their names: the files are met in the order the loader reports them ({@link Paths#compare}).
 * The loader starts reading each file as the walk meets it and joins the readings in that order; in
 * the file system's listing order (a hash order on most file systems) the reading it waited for was
 * often among the last, and the readings done meanwhile, nearly the whole tree's, were all held.
 *
 * <p>The visitor sees what {@code walkFileTree} would show it: the same calls with the same
 * attributes (a broken link's own), a {@link FileSystemLoopException} for a link to a directory
 * being walked, {@code visitFileFailed} for an entry that cannot be read or a directory that cannot
 * be opened, the error that ended a directory's listing in {@code postVisitDirectory}.
 */
final class SortedWalk {
    /** A directory's entry with its name, made once for the sort (a Path makes it anew at each call). */
    private record Entry(String name, Path path) {
    }

    private static final Comparator<Entry> BY_NAME = Comparator.comparing(Entry::name);

    private final FileVisitor<? super Path> visitor;
    /** The directories being walked, for the loop check. */
    private final Deque<Dir> open = new ArrayDeque<>();

    private record Dir(Path path, Object key) {
    }

    private SortedWalk(FileVisitor<? super Path> visitor) {
        this.visitor = visitor;
    }

    static void walk(Path root, FileVisitor<? super Path> visitor) throws IOException {
        new SortedWalk(visitor).visit(root);
    }

    /** Visits {@code entry} and what is below it; TERMINATE or SKIP_SIBLINGS for its parent to act on. */
    private FileVisitResult visit(Path entry) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = attributes(entry);
        } catch (IOException e) {
            return visitor.visitFileFailed(entry, e);
        }
        if (!attrs.isDirectory()) {
            return visitor.visitFile(entry, attrs);
        }
        if (wouldLoop(entry, attrs.fileKey())) {
            return visitor.visitFileFailed(entry, new FileSystemLoopException(entry.toString()));
        }
        DirectoryStream<Path> stream;
        try {
            stream = Files.newDirectoryStream(entry);
        } catch (IOException e) {
            return visitor.visitFileFailed(entry, e);
        }
        List<Entry> entries = new ArrayList<>();
        IOException failed = null;
        try {
            FileVisitResult before = visitor.preVisitDirectory(entry, attrs);
            if (before != FileVisitResult.CONTINUE) {
                return before == FileVisitResult.SKIP_SUBTREE ? FileVisitResult.CONTINUE : before;
            }
            for (Path p : stream) {
                entries.add(new Entry(p.getFileName().toString(), p));
            }
        } catch (DirectoryIteratorException e) {
            failed = e.getCause();
        } finally {
            try {
                stream.close();
            } catch (IOException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        entries.sort(BY_NAME);
        open.push(new Dir(entry, attrs.fileKey()));
        try {
            for (Entry e : entries) {
                FileVisitResult r = visit(e.path());
                if (r == FileVisitResult.TERMINATE) {
                    return r;
                }
                if (r == FileVisitResult.SKIP_SIBLINGS) {
                    break;
                }
            }
        } finally {
            open.pop();
        }
        FileVisitResult after = visitor.postVisitDirectory(entry, failed);
        return after == FileVisitResult.SKIP_SUBTREE ? FileVisitResult.CONTINUE : after;
    }

    /** The entry's attributes, links followed; a broken link's own. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Whether {@code dir} is one of the directories being walked (a link back up the tree). */
    private boolean wouldLoop(Path dir, Object key) {
        for (Dir ancestor : open) {
            if (key != null && ancestor.key() != null) {
                if (key.equals(ancestor.key())) {
                    return true;
                }
            } else {
                try {
                    if (Files.isSameFile(dir, ancestor.path())) {
                        return true;
                    }
                } catch (IOException e) {
                    // not comparable: not a loop found
                }
            }
        }
        return false;
    }
}
