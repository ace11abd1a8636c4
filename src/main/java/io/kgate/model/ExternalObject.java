package io.kgate.model;

import java.util.regex.Pattern;

/**
 * An object the configuration declares as created outside the checked tree (by a Helm chart, an
 * operator, a person): {@code KIND/NAME} or {@code KIND/NAMESPACE/NAME}, where {@code *} matches
 * any run of characters ({@code Secret/grafana-*}, {@code ConfigMap/monitoring/*-dashboards}).
 *
 * @param text      the pattern as written, for messages
 * @param kind      the kind pattern
 * @param namespace the namespace pattern, or null for any namespace
 * @param name      the name pattern
 */
public record ExternalObject(String text, Pattern kind, Pattern namespace, Pattern name) {

    /** Parses a pattern; throws IllegalArgumentException saying what is wrong. */
    public static ExternalObject parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("'" + text + "' is not KIND/NAME or KIND/NAMESPACE/NAME");
        }
        for (String p : parts) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has an empty part (KIND/NAME or KIND/NAMESPACE/NAME)");
            }
        }
        return new ExternalObject(text.strip(), glob(parts[0]), parts.length == 3 ? glob(parts[1]) : null,
                glob(parts[parts.length - 1]));
    }

    private static Pattern glob(String s) {
        StringBuilder re = new StringBuilder();
        String[] pieces = s.split("\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(re.toString());
    }

    /** Whether the object {@code kind} {@code namespace}/{@code name} is declared by this pattern. */
    public boolean matches(String kind, String objectNamespace, String objectName) {
        if (kind == null || objectName == null || !this.kind.matcher(kind).matches()
                || !this.name.matcher(objectName).matches()) {
            return false;
        }
        // an object without namespace may land in any, so any namespace pattern may cover it
        return namespace == null || objectNamespace == null || namespace.matcher(objectNamespace).matches();
    }
}
