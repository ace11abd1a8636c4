package io.kgate.load;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One gitignore-style pattern, as in {@code .gitignore}, {@code --exclude} and {@code exclude:}:
 * {@code *} and {@code ?} within a path segment, {@code [a-z]}, {@code **} across directories, a
 * trailing {@code /} for directories only, a {@code /} at the start or in the middle anchors the
 * pattern at {@code base} (otherwise it matches a name at any depth), a leading {@code !} negates.
 *
 * @param base    the directory the pattern is relative to (absolute, normalised)
 * @param text    the pattern as written, for messages
 * @param source  where it was written, for messages ("--exclude", ".gitignore", ...)
 */
public record IgnorePattern(Path base, String text, String source, boolean negated, boolean directoriesOnly,
        boolean anchored, Pattern regex, Pattern contentsOf) {

    /**
     * The pattern of one line, or null for a blank line or a comment; an IllegalArgumentException for
     * a glob no regular expression can express (a range such as {@code [z-a]}).
     */
    public static IgnorePattern parse(String line, Path base, String source) {
        String p = stripTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return null;
        }
        boolean negated = p.startsWith("!");
        if (negated) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/") && !p.endsWith("\\/");
        p = p.replaceAll("/+$", "");
        boolean anchored = p.contains("/");
        p = p.replaceAll("^/+", "");
        if (p.isEmpty()) {
            return null;
        }
        try {
            Pattern contents = p.endsWith("/**") && p.length() > 3
                    ? Pattern.compile(toRegex(p.substring(0, p.length() - 3))) : null;
            return new IgnorePattern(base, line.strip(), source, negated, dirOnly, anchored,
                    Pattern.compile(toRegex(p)), contents);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid pattern (" + e.getDescription() + ")", e);
        }
    }

    /** Whether the pattern matches {@code rel} (relative to {@code base}, '/'-separated). */
    public boolean matches(String rel, boolean directory) {
        if (directoriesOnly && !directory) {
            return false;
        }
        String subject = anchored ? rel : rel.substring(rel.lastIndexOf('/') + 1);
        return regex.matcher(subject).matches();
    }

    /** For {@code DIR/**}: whether {@code relDir} is DIR, so everything in it matches. */
    public boolean matchesAllOf(String relDir) {
        return !negated && contentsOf != null && contentsOf.matcher(relDir).matches();
    }

    /** {@code abs} relative to the base, '/'-separated, or null when it is not below the base. */
    public String relative(Path abs) {
        if (!abs.startsWith(base) || abs.equals(base)) {
            return null;
        }
        return base.relativize(abs).toString().replace('\\', '/');
    }

    /** The line without its line end and trailing spaces (an escaped one, "\\ ", stays). */
    private static String stripTrailingSpaces(String line) {
        String s = line.replaceAll("[\r\n]+$", "");
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && (end < 2 || s.charAt(end - 2) != '\\')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The glob as a regular expression over a '/'-separated path. */
    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
                boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
                boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
                if (atStart && slashAfter) {
                    re.append("(?:.*/)?"); // "**/": zero or more directories
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, close);
                if (set.startsWith("!")) {
                    set = "^" + set.substring(1);
                }
                re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
