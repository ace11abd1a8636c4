package io.kgate.check.schema;

import java.util.regex.Pattern;

/** The name syntaxes of the API server's validation (k8s.io/apimachinery validation): each returns null when valid, else what is wrong. */
final class NameSyntax {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private NameSyntax() {
    }

    /** Null when {@code s} is a valid DNS-1123 label, else what is wrong. */
    static String dnsLabel(String s) {
        if (s.length() > 63) {
            return "must be at most 63 characters (a DNS-1123 label), has " + s.length();
        }
        return DNS_LABEL.matcher(s).matches() ? null
                : "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    /** A DNS-1035 label (a Service name: it becomes a DNS name and an environment variable prefix). */
    static String dns1035Label(String s) {
        return s.length() <= 63 && !DNS_1035_LABEL.matcher(s).matches()
                ? "must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and "
                        + "ending with a letter or digit"
                : dnsLabel(s);
    }

    static String dnsSubdomain(String s) {
        if (s.length() > 253) {
            return "must be at most 253 characters (a DNS-1123 subdomain), has " + s.length();
        }
        return DNS_SUBDOMAIN.matcher(s).matches() ? null
                : "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a "
                        + "letter or digit";
    }

    /** Label/annotation key syntax: [prefix/]name. */
    static String qualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || dnsSubdomain(prefix) != null) {
                return "the prefix before '/' must be a DNS-1123 subdomain (e.g. example.com)";
            }
        }
        if (name.isEmpty() || name.length() > 63) {
            return "the name part must be 1 to 63 characters";
        }
        return QUALIFIED_NAME.matcher(name).matches() ? null
                : "the name part may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    /** A label value: empty, or at most 63 characters of the qualified name's syntax. */
    static String labelValue(String v) {
        return v.length() > 63 ? "must be at most 63 characters, has " + v.length()
                : QUALIFIED_NAME.matcher(v).matches() ? null
                        : "may hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }
}
