package io.kgate.check.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kgate's own version (from a resource Maven filters at build time) and the ordering of versions
 * that {@code minVersion:} in {@code .kgate.yaml} needs: numbers compared part by part, and a
 * pre-release ({@code 0.2.0-SNAPSHOT}) before its release.
 */
public final class KgateVersion {
    private static final Pattern FORM = Pattern.compile("v?(\\d+(?:\\.\\d+){0,2})(-[0-9A-Za-z.-]+)?");
    private static final String RUNNING = read();

    private KgateVersion() {
    }

    /** The version of this kgate, or "unknown" when the build did not record it. */
    public static String running() {
        return RUNNING;
    }

    private static String read() {
        try (InputStream in = KgateVersion.class.getResourceAsStream("/kgate/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** True for "1", "1.2", "1.2.3", with an optional "v" and pre-release suffix. */
    static boolean valid(String v) {
        return v != null && FORM.matcher(v.strip()).matches();
    }

    /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b} (both valid). */
    static int compare(String a, String b) {
        Matcher ma = FORM.matcher(a.strip());
        Matcher mb = FORM.matcher(b.strip());
        if (!ma.matches() || !mb.matches()) {
            throw new IllegalArgumentException("not a version: " + a + " / " + b);
        }
        String[] pa = ma.group(1).split("\\.");
        String[] pb = mb.group(1).split("\\.");
        for (int i = 0; i < 3; i++) {
            long x = i < pa.length ? Long.parseLong(pa[i]) : 0;
            long y = i < pb.length ? Long.parseLong(pb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        boolean preA = ma.group(2) != null;
        boolean preB = mb.group(2) != null;
        return preA == preB ? 0 : preA ? -1 : 1;
    }
}
