package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.model.KubeObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk finds files on a thread of its own while they are read; it stays a bounded number of files
 * ahead of the reading, so a tree whose walk ends long before its reading does not hold a pending
 * reading for every file at once.
 */
@Tag("in-process") // a property of the loader's threads, not of the command line
class WalkAheadTest {
    private static final int FILES = Loader.FILES_AHEAD * 4;

    @Test
    void theWalkWaitsForTheReadingAndEveryFileIsStillReadInOrder(@TempDir Path tree) throws Exception {
        for (int i = 0; i < FILES; i++) {
            Files.writeString(tree.resolve(String.format("f%04d.yaml", i)),
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n");
        }
        AtomicInteger found = new AtomicInteger();
        // counts the files the walk reaches (it asks the filter about each one)
        PathFilter counting = (path, directory, given) -> {
            if (!directory) {
                found.incrementAndGet();
            }
            return null;
        };
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger foundWhileHeld = new AtomicInteger(-1);
        // the first file's reading waits until the walk has had ample time to find them all
        FilePass holdFirst = (file, objects, out) -> {
            if (file.displayName().endsWith("f0000.yaml")) {
                try {
                    release.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                foundWhileHeld.set(found.get());
            }
            return objects;
        };
        LoadResult r = new Loader(LoadLimits.DEFAULT, counting, holdFirst, 2)
                .load(List.of(tree.toString()), new ByteArrayInputStream(new byte[0]));

        assertTrue(foundWhileHeld.get() <= Loader.FILES_AHEAD + 1,
                "the walk found " + foundWhileHeld.get() + " files while the first was being read");
        assertEquals(FILES, r.files().size());
        List<String> names = r.objects().stream().map(KubeObject::name).toList();
        for (int i = 0; i < FILES; i++) {
            assertEquals("c" + i, names.get(i));
        }
    }

    @Test
    void aReadingThatFailsDoesNotLeaveTheWalkWaiting(@TempDir Path tree) throws Exception {
        for (int i = 0; i < FILES; i++) {
            Files.writeString(tree.resolve(String.format("f%04d.yaml", i)), "kind: ConfigMap\n");
        }
        FilePass failing = (file, objects, out) -> {
            throw new IllegalStateException("boom in " + file.displayName());
        };
        try {
            new Loader(LoadLimits.DEFAULT, PathFilter.NONE, failing, 2).load(List.of(tree.toString()),
                    new ByteArrayInputStream(new byte[0]));
        } catch (RuntimeException expected) {
            // the first reading's failure ends the load
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (walkAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!walkAlive(), "the walk still waits for room after the load ended");
    }

    private static boolean walkAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("kgate-find") && t.isAlive());
    }
}
