package io.kgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The version Maven built, from a resource it filters at build time (the same in JVM, tests and native). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String VERSION = read();

    private static String read() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/kgate/version.txt")) {
            return in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kgate " + version()};
    }
}
