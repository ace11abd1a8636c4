package io.kgate.finding;

import java.util.Comparator;

/** Orders file names as reports list them: by path segments, stdin ("-") first. */
final class FileOrder {
    static final Comparator<String> COMPARATOR = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals("-")) {
            return -1;
        }
        if (b.equals("-")) {
            return 1;
        }
        return a.replace('\\', '/').replace('/', '\u0000').compareTo(b.replace('\\', '/').replace('/', '\u0000'));
    };

    private FileOrder() {
    }
}
