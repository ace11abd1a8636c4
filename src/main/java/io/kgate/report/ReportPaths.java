package io.kgate.report;

import java.nio.file.Path;

/** How machine formats name files: relative to the working directory when possible, '/' separated. */
final class ReportPaths {
    private ReportPaths() {
    }

    /**
     * The file as a path relative to the working directory ("./a/b.yaml" becomes "a/b.yaml"; an
     * absolute path inside the working directory is made relative; outside it stays absolute).
     * Standard input stays "-".
     */
    static String relative(String displayName) {
        if (displayName.equals("-")) {
            return displayName;
        }
        try {
            Path p = Path.of(displayName);
            Path cwd = Path.of("").toAbsolutePath().normalize();
            Path abs = p.toAbsolutePath().normalize();
            Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : p.isAbsolute() ? abs : p.normalize();
            String s = shown.toString().replace('\\', '/');
            return s.isEmpty() ? displayName : s;
        } catch (RuntimeException e) {
            // a name the platform encoding cannot map (no UTF-8 locale): normalise the text itself
            String s = displayName.replace('\\', '/');
            while (s.startsWith("./")) {
                s = s.substring(2);
            }
            return s;
        }
    }

    /**
     * A URI reference for SARIF's artifactLocation.uri: the relative path with every character
     * outside RFC 3986's unreserved set and '/' percent-encoded (UTF-8); absolute paths become
     * file:// URIs. Standard input is the relative reference "-", as kgate names it everywhere.
     */
    static String uri(String displayName) {
        String rel = relative(displayName);
        if (rel.startsWith("/")) {
            return "file://" + encode(rel);
        }
        return encode(rel);
    }

    private static String encode(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
