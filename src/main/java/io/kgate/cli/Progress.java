package io.kgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * "kgate: checking... 2.4 s" on standard error while a run takes longer than a second, rewritten in
 * place and erased at the end. Only for a person at a terminal: never in pipes, CI logs or files.
 */
final class Progress implements AutoCloseable {
    static final long DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 250;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private volatile boolean done;
    private boolean shown;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        if (!enabled) {
            ticker = null;
            return;
        }
        ticker = new Thread(this::loop, "kgate-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Starts showing progress after {@link #DELAY_MILLIS} when {@code enabled}; otherwise does nothing. */
    static Progress start(PrintWriter err, boolean enabled) {
        return new Progress(err, enabled);
    }

    private void loop() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!done) {
                tick((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            // closing: nothing more to show
        }
    }

    /** Shows the elapsed time (exposed for tests, which must not depend on timing). */
    synchronized void tick(long elapsedMillis) {
        if (done || elapsedMillis < DELAY_MILLIS) {
            return;
        }
        err.print(String.format(Locale.ROOT, "\rkgate: checking... %.1f s", elapsedMillis / 1000.0));
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        done = true;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (shown) {
                err.print("\r\u001b[K"); // erase the progress line before the report or summary
                err.flush();
            }
        }
    }

    /**
     * Whether standard error is a terminal. Java only knows about stdin and stdout, so on Linux
     * this asks /proc where descriptor 2 points; elsewhere it falls back to the console check.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Terminal.isInteractive();
        }
    }

    /** For tests: build one that never starts its own thread. */
    static Progress manual(PrintWriter err) {
        return new Progress(err, false);
    }
}
