package io.kgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * With {@code KGATE_TIMINGS} set, prints how long each phase of a run took to standard error, the
 * steps inside a phase, and the time each kind of task took on the pool (summed over threads). For
 * finding where the time goes in the native binary, which has no profiler; the benchmark (src/bench)
 * measures, this only explains.
 */
public final class Timings {
    private static long lastPhase = System.nanoTime();
    private static long lastStep = lastPhase;
    /** Task time by name since the last step, in nanoseconds. */
    private static final Map<String, LongAdder> TASKS = new ConcurrentHashMap<>();

    private Timings() {
    }

    /** Read at each call, not in a static field: the native image may run static initialisers at build time. */
    public static boolean on() {
        return System.getenv("KGATE_TIMINGS") != null;
    }

    /** The run starts now. */
    public static void started() {
        lastPhase = System.nanoTime();
        lastStep = lastPhase;
    }

    /** The phase that ends now, and how long it took since the previous mark. */
    public static void mark(String phase) {
        if (on()) {
            long now = System.nanoTime();
            System.err.printf("kgate: timings: %-28s %6.1f ms%n", phase, (now - lastPhase) / 1e6);
            lastPhase = now;
            lastStep = now;
        }
    }

    /**
     * A step of the current phase that ends now, and how long it took since the previous step; then
     * the tasks timed during it ({@link #timed}), the longest first.
     */
    public static void step(String step) {
        if (on()) {
            long now = System.nanoTime();
            System.err.printf("kgate: timings:   %-26s %6.1f ms%n", step, (now - lastStep) / 1e6);
            lastStep = now;
            List<Map.Entry<String, LongAdder>> tasks = new ArrayList<>(TASKS.entrySet());
            TASKS.clear();
            tasks.sort((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()));
            for (Map.Entry<String, LongAdder> t : tasks) {
                System.err.printf("kgate: timings:     task %-21s %6.1f ms%n", t.getKey(), t.getValue().sum() / 1e6);
            }
        }
    }

    /** {@code task}, adding the time it takes to {@code name} when timings are on. */
    public static <T> Callable<T> timed(String name, Callable<T> task) {
        if (!on()) {
            return task;
        }
        return () -> {
            long start = System.nanoTime();
            try {
                return task.call();
            } finally {
                TASKS.computeIfAbsent(name, k -> new LongAdder()).add(System.nanoTime() - start);
            }
        };
    }
}
