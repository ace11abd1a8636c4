package io.kgate.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values copied from a template and never filled in: {@code <REPLACE_ME>}, {@code CHANGEME},
 * {@code TODO}. A value that is only a placeholder is not a secret either.
 */
public final class Placeholders {
    /**
     * The default patterns (regular expressions): angle-bracket placeholders, changeme and replaceme
     * in any case, and TODO, FIXME or TBD as a whole value or as the value of a {@code key = } or
     * {@code key: } line of an embedded file (a TODO comment is not a placeholder).
     */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "<(REPLACE|CHANGE|YOUR|INSERT|FILL|ENTER|SET|PUT|ADD)[A-Z0-9_ .-]*>",
            "(?i)\\bchange[_-]?me\\b",
            "(?i)\\breplace[_-]?me\\b",
            "(?m)(^|[:=][ \\t]*)(TODO|FIXME|TBD)[ \\t]*$");

    private static final Placeholders DEFAULT = new Placeholders(DEFAULT_PATTERNS);

    private final List<Pattern> patterns;
    /** One matcher per pattern and thread, reset for each value: every string of every object is looked at. */
    private final ThreadLocal<List<Matcher>> matchers;

    /** Compiles {@code patterns}; throws IllegalArgumentException naming the one that is not a regular expression. */
    public Placeholders(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> {
            try {
                return Pattern.compile(p);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + p + "' is not a regular expression: " + e.getDescription());
            }
        }).toList();
        this.matchers = ThreadLocal.withInitial(() -> this.patterns.stream().map(p -> p.matcher("")).toList());
    }

    public static Placeholders defaults() {
        return DEFAULT;
    }

    /** The placeholder found in {@code value} as written (without the key = before it), or null. */
    public String find(String value) {
        if (value == null) {
            return null;
        }
        for (Matcher m : matchers.get()) {
            if (m.reset(value).find()) {
                return m.group().replaceFirst("^[:=][ \\t]*", "").strip();
            }
        }
        return null;
    }

    /** Whether {@code value} is nothing but a placeholder (so it holds no secret). */
    public boolean isOnlyPlaceholder(String value) {
        String found = find(value);
        return found != null && found.equals(value.strip());
    }
}
