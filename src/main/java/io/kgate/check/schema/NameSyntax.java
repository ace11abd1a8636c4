package io.kgate.check.schema;

/**
 * The name syntaxes of the API server's validation (k8s.io/apimachinery validation): each returns null
 * when valid, else what is wrong. The syntaxes are scanned by hand, not matched by regular expressions:
 * every name, label and annotation of a large tree goes through them, and the JDK's matcher allocates
 * for each match of a nested repetition such as the DNS subdomain's.
 */
final class NameSyntax {
    private NameSyntax() {
    }

    private static boolean lowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean alnum(char c) {
        return lowerOrDigit(c) || (c >= 'A' && c <= 'Z');
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over s[from, to); {@code letterFirst}: {@code [a-z]} first. */
    private static boolean label(String s, int from, int to, boolean letterFirst) {
        if (from >= to || !lowerOrDigit(s.charAt(from)) || !lowerOrDigit(s.charAt(to - 1))
                || (letterFirst && !(s.charAt(from) >= 'a' && s.charAt(from) <= 'z'))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!lowerOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code label(\.label)*}. */
    static boolean isSubdomain(String s) {
        return isSubdomain(s, 0, s.length());
    }

    /** {@link #isSubdomain} over s[from, to). */
    private static boolean isSubdomain(String s, int from, int to) {
        while (true) {
            int dot = s.indexOf('.', from);
            int end = dot < 0 || dot >= to ? to : dot;
            if (!label(s, from, end, false)) {
                return false;
            }
            if (end == to) {
                return true;
            }
            from = dot + 1;
        }
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
    static boolean isQualifiedNamePart(String s) {
        return isQualifiedNamePart(s, 0, s.length());
    }

    /** {@link #isQualifiedNamePart} over s[from, to). */
    private static boolean isQualifiedNamePart(String s, int from, int to) {
        if (from >= to || !alnum(s.charAt(from)) || !alnum(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!alnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Null when {@code s} is a valid DNS-1123 label, else what is wrong. */
    static String dnsLabel(String s) {
        if (s.length() > 63) {
            return "must be at most 63 characters (a DNS-1123 label), has " + s.length();
        }
        return label(s, 0, s.length(), false) ? null
                : "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    /** A DNS-1035 label (a Service name: it becomes a DNS name and an environment variable prefix). */
    static String dns1035Label(String s) {
        return s.length() <= 63 && !label(s, 0, s.length(), true)
                ? "must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and "
                        + "ending with a letter or digit"
                : dnsLabel(s);
    }

    static String dnsSubdomain(String s) {
        if (s.length() > 253) {
            return "must be at most 253 characters (a DNS-1123 subdomain), has " + s.length();
        }
        return isSubdomain(s) ? null
                : "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a "
                        + "letter or digit";
    }

    /** Label/annotation key syntax: [prefix/]name. */
    static String qualifiedName(String key) {
        int slash = key.indexOf('/');
        int name = slash + 1; // the name part starts there (0 without a prefix); scanned in place, not cut out
        if (slash >= 0 && (slash == 0 || slash > 253 || !isSubdomain(key, 0, slash))) {
            return "the prefix before '/' must be a DNS-1123 subdomain (e.g. example.com)";
        }
        if (key.length() == name || key.length() - name > 63) {
            return "the name part must be 1 to 63 characters";
        }
        return isQualifiedNamePart(key, name, key.length()) ? null
                : "the name part may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    /** A label value: empty, or at most 63 characters of the qualified name's syntax. */
    static String labelValue(String v) {
        return v.length() > 63 ? "must be at most 63 characters, has " + v.length()
                : isQualifiedNamePart(v) ? null
                        : "may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }
}
