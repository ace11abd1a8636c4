package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.model.KubeObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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
    /** The walk asks the filter about a file before it waits for room to read it: one more than the bound. */
    private static final int FOUND_WHEN_FULL = Loader.FILES_AHEAD + 1;

    @Test
    void theWalkWaitsForTheReadingAndEveryFileIsStillReadInOrder(@TempDir Path tree) throws Exception {
        writeFiles(tree);
        AtomicInteger found = new AtomicInteger();
        AtomicInteger foundWhileHeld = new AtomicInteger(-1);
        // the first file's reading is held until the walk has found as many files as it may have
        // ahead, and a little longer: an unbounded walk goes on to find them all meanwhile
        FilePass holdFirst = (file, objects, out) -> {
            if (file.displayName().endsWith("f0000.yaml")) {
                waitFor(() -> found.get() >= FOUND_WHEN_FULL);
                pause(200);
                foundWhileHeld.set(found.get());
            }
            return objects;
        };
        LoadResult r = new Loader(LoadLimits.DEFAULT, counting(found), holdFirst, 2)
                .load(List.of(tree.toString()), new ByteArrayInputStream(new byte[0]));

        assertEquals(FOUND_WHEN_FULL, foundWhileHeld.get(), "files the walk found while the first was being read");
        assertEquals(FILES, r.files().size());
        List<String> names = r.objects().stream().map(KubeObject::name).toList();
        for (int i = 0; i < FILES; i++) {
            assertEquals("c" + i, names.get(i));
        }
    }

    @Test
    void aReadingThatFailsWhileTheWalkWaitsForRoomLetsTheWalkEnd(@TempDir Path tree) throws Exception {
        writeFiles(tree);
        AtomicInteger found = new AtomicInteger();
        AtomicReference<Thread> walk = new AtomicReference<>();
        // the first reading fails once the walk waits for room (it has found all it may have ahead)
        FilePass failFirst = (file, objects, out) -> {
            if (file.displayName().endsWith("f0000.yaml")) {
                waitFor(() -> found.get() >= FOUND_WHEN_FULL && walkWaiting(walk));
                throw new IllegalStateException("a reading that fails");
            }
            return objects;
        };
        Loader loader = new Loader(LoadLimits.DEFAULT, counting(found), failFirst, 2);
        assertThrows(RuntimeException.class,
                () -> loader.load(List.of(tree.toString()), new ByteArrayInputStream(new byte[0])));

        assertNotNull(walk.get(), "the walk was never seen waiting for room");
        walk.get().join(5000);
        assertTrue(!walk.get().isAlive(), "the walk still waits for room after the load ended: " + walk.get().getState());
    }

    private static void writeFiles(Path tree) throws Exception {
        for (int i = 0; i < FILES; i++) {
            Files.writeString(tree.resolve(String.format("f%04d.yaml", i)),
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i + "\n");
        }
    }

    /** Counts the files the walk reaches (it asks the filter about each one). */
    private static PathFilter counting(AtomicInteger found) {
        return (path, directory, given) -> {
            if (!directory) {
                found.incrementAndGet();
            }
            return null;
        };
    }

    /** Whether this load's walk thread is waiting; remembers it in {@code walk}. */
    private static boolean walkWaiting(AtomicReference<Thread> walk) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("kgate-find") && t.getState() == Thread.State.WAITING
                    && List.of(t.getStackTrace()).stream().anyMatch(f -> f.getClassName().equals(Loader.class.getName()))) {
                walk.set(t);
                return true;
            }
        }
        return false;
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(5);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
