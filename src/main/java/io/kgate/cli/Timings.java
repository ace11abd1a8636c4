package io.kgate.cli;

/**
 * With {@code KGATE_TIMINGS} set, prints how long each phase of a run took to standard error. For
 * finding where the time goes in the native binary, which has no profiler; the benchmark (src/bench)
 * measures, this only explains.
 */
final class Timings {
    private static long last = System.nanoTime();

    private Timings() {
    }

    /** Read at each call, not in a static field: the native image may run static initialisers at build time. */
    private static boolean on() {
        return System.getenv("KGATE_TIMINGS") != null;
    }

    /** The run starts now. */
    static void started() {
        last = System.nanoTime();
    }

    /** The phase that ends now, and how long it took since the previous mark. */
    static void mark(String phase) {
        if (on()) {
            long now = System.nanoTime();
            System.err.printf("kgate: timings: %-28s %6.1f ms%n", phase, (now - last) / 1e6);
            last = now;
        }
    }
}
