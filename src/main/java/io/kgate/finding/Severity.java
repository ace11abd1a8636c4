package io.kgate.finding;

import java.util.Locale;

/** How bad a finding is; also the threshold of {@code --fail-on}. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** Made once: every line of a report asks for it. */
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses "error", "warning" or "info"; null for anything else. */
    public static Severity parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "info" -> INFO;
            default -> null;
        };
    }
}
