package io.kgate.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

/**
 * What the libraries kgate uses log at WARNING or above (the Kubernetes client in the cluster commands, the JSON
 * Schema validator), printed on standard error as one line each. Quarkus's logging, which would print them, is
 * not started (see {@link KgateMain}): without this handler they would be dropped (native) or wait unseen in
 * Quarkus's start-up queue (JVM), which it replaces.
 */
final class LibraryWarnings extends Handler {
    private final PrintStream err;
    private final boolean stackTraces;
    private final SimpleFormatter messages = new SimpleFormatter();

    /** {@code stackTraces}: a record's exception is printed whole (--debug), not as one line. */
    LibraryWarnings(PrintStream err, boolean stackTraces) {
        this.err = err;
        this.stackTraces = stackTraces;
        setLevel(Level.WARNING);
    }

    /** Makes this handler the only one of the root logger, for this run's arguments. */
    static void install(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        LogContext.getLogContext().getLogger("").setHandlers(new Handler[] {new LibraryWarnings(System.err, debug)});
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : messages.formatMessage(r);
        String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warning";
        err.println("kgate: " + level + " from " + r.getLoggerName() + ": " + message
                + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"));
        if (stackTraces && r.getThrown() != null) {
            r.getThrown().printStackTrace(err);
        }
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
