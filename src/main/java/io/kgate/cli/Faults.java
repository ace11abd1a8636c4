package io.kgate.cli;

import java.io.PrintWriter;

/** How an unexpected failure reaches the user: one line, a stack trace only when asked for. */
final class Faults {
    private Faults() {
    }

    static int report(Throwable t, boolean debug, PrintWriter err) {
        String what = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
        err.println("kgate: internal error: " + what + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return KgateCommand.EXIT_INTERNAL;
    }
}
