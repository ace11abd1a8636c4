package io.kgate.load;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One gitignore-style pattern, as in {@code .gitignore}, {@code --exclude} and {@code exclude:}:
 * {@code *} and {@code ?} within a path segment, {@code [a-z]}, {@code **} across directories, a
 * trailing {@code /} for directories only, a {@code /} at the start or in the middle anchors the
 * pattern at {@code base} (otherwise it matches a name at any depth), a leading {@code !} negates.
 * Matching takes time linear in the pattern times the path (no regular expression that a hostile
 * {@code *a*a*a*a*b} could make backtrack for ever).
 *
 * @param base     the directory the pattern is relative to (absolute, normalised)
 * @param text     the pattern as written, for messages
 * @param source   where it was written, for messages ("--exclude", ".gitignore", ...)
 * @param segments the glob split at '/', a "**" segment standing for any number of directories
 */
public record IgnorePattern(Path base, String text, String source, boolean negated, boolean directoriesOnly,
        boolean anchored, List<Segment> segments) {

    /**
     * The pattern of one line, or null for a blank line or a comment; an IllegalArgumentException for
     * a glob that can match nothing because it is malformed (an empty range such as {@code [z-a]}).
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
        List<Segment> segments = new ArrayList<>();
        for (String s : p.split("/+")) {
            Segment seg = Segment.of(s);
            boolean repeatedStars = seg.anyDepth() && !segments.isEmpty() && segments.getLast().anyDepth();
            if (!repeatedStars) { // "**/**" is "**"
                segments.add(seg);
            }
        }
        return new IgnorePattern(base, line.strip(), source, negated, dirOnly, anchored, List.copyOf(segments));
    }

    /** Whether the pattern matches {@code rel} (relative to {@code base}, '/'-separated). */
    public boolean matches(String rel, boolean directory) {
        if (directoriesOnly && !directory) {
            return false;
        }
        String[] subject = anchored ? rel.split("/") : new String[] {rel.substring(rel.lastIndexOf('/') + 1)};
        return matchSegments(segments, subject);
    }

    /** For {@code DIR/**}: whether {@code relDir} is DIR, so everything in it matches. */
    public boolean matchesAllOf(String relDir) {
        int n = segments.size();
        return !negated && n > 1 && segments.get(n - 1).anyDepth()
                && matchSegments(segments.subList(0, n - 1), relDir.split("/"));
    }

    /** {@code abs} relative to the base, '/'-separated, or null when it is not below the base. */
    public String relative(Path abs) {
        return relativeTo(base, abs);
    }

    /** {@code abs} relative to {@code base} (both absolute and normalised), '/'-separated, or null when it is not below it. */
    public static String relativeTo(Path base, Path abs) {
        String rel = Paths.below(base.toString(), abs.toString());
        return rel == null ? null : rel.replace(File.separatorChar, '/');
    }

    /**
     * Path segments against pattern segments; "**" takes zero or more directories (one or more at the
     * end: {@code vendor/**} is what is inside vendor, not vendor itself). Memoised: pattern × path.
     */
    private static boolean matchSegments(List<Segment> pattern, String[] path) {
        Boolean[][] memo = new Boolean[pattern.size() + 1][path.length + 1];
        return match(pattern, 0, path, 0, memo);
    }

    private static boolean match(List<Segment> pattern, int pi, String[] path, int si, Boolean[][] memo) {
        if (memo[pi][si] != null) {
            return memo[pi][si];
        }
        boolean result;
        if (pi == pattern.size()) {
            result = si == path.length;
        } else if (pattern.get(pi).anyDepth()) {
            int least = pi == pattern.size() - 1 ? 1 : 0;
            result = false;
            for (int k = si + least; k <= path.length && !result; k++) {
                result = match(pattern, pi + 1, path, k, memo);
            }
        } else {
            result = si < path.length && pattern.get(pi).matches(path[si])
                    && match(pattern, pi + 1, path, si + 1, memo);
        }
        memo[pi][si] = result;
        return result;
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

    /** One segment of a glob: "**", or tokens matched against one file name. */
    public record Segment(boolean anyDepth, List<Token> tokens) {
        static Segment of(String glob) {
            if (glob.equals("**")) {
                return new Segment(true, List.of());
            }
            List<Token> tokens = new ArrayList<>();
            int n = glob.length();
            for (int i = 0; i < n; i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    while (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++; // "a**b" is "a*b"
                    }
                    tokens.add(Token.STAR);
                } else if (c == '?') {
                    tokens.add(Token.ONE);
                } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                    int close = glob.indexOf(']', i + 2);
                    tokens.add(Token.set(glob.substring(i + 1, close)));
                    i = close;
                } else if (c == '\\' && i + 1 < n) {
                    tokens.add(Token.literal(glob.charAt(++i)));
                } else {
                    tokens.add(Token.literal(c));
                }
            }
            return new Segment(false, List.copyOf(tokens));
        }

        /** Wildcard matching with the last star as the only backtracking point: time name × tokens. */
        boolean matches(String name) {
            int t = 0;
            int s = 0;
            int star = -1;
            int starFrom = 0;
            while (s < name.length()) {
                if (t < tokens.size() && tokens.get(t) != Token.STAR && tokens.get(t).matches(name.charAt(s))) {
                    t++;
                    s++;
                } else if (t < tokens.size() && tokens.get(t) == Token.STAR) {
                    star = t++;
                    starFrom = s;
                } else if (star >= 0) {
                    t = star + 1;
                    s = ++starFrom;
                } else {
                    return false;
                }
            }
            while (t < tokens.size() && tokens.get(t) == Token.STAR) {
                t++;
            }
            return t == tokens.size();
        }
    }

    /** A character of a segment: a literal, {@code ?}, {@code *} or a {@code [set]}. */
    public record Token(char literal, String set, boolean negatedSet, int kind) {
        static final Token STAR = new Token('\0', null, false, 2);
        static final Token ONE = new Token('\0', null, false, 1);

        static Token literal(char c) {
            return new Token(c, null, false, 0);
        }

        /** {@code [a-z0-9_]}, {@code [!a]} or {@code [^a]}: ranges are checked here (an empty one is an error). */
        static Token set(String body) {
            boolean neg = body.startsWith("!") || body.startsWith("^");
            String b = neg ? body.substring(1) : body;
            for (int i = 0; i + 2 < b.length(); i++) {
                if (b.charAt(i + 1) == '-' && b.charAt(i) > b.charAt(i + 2)) {
                    throw new IllegalArgumentException("not a valid pattern (the range " + b.substring(i, i + 3)
                            + " is empty)");
                }
            }
            return new Token('\0', b, neg, 3);
        }

        boolean matches(char c) {
            return switch (kind) {
                case 0 -> c == literal;
                case 1 -> c != '/';
                case 3 -> c != '/' && inSet(c) != negatedSet;
                default -> false;
            };
        }

        private boolean inSet(char c) {
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (set.charAt(i) == c) {
                    return true;
                }
            }
            return false;
        }
    }
}
