package io.kgate.cli;

import java.io.Console;

/** Whether output goes to a person at a terminal. */
final class Terminal {
    private Terminal() {
    }

    static boolean isInteractive() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }

    /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
    static boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return isInteractive() && (noColor == null || noColor.isEmpty());
    }
}
