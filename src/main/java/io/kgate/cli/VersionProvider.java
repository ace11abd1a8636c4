package io.kgate.cli;

import io.kgate.check.rules.KgateVersion;
import picocli.CommandLine;

/** The version Maven built, from a resource it filters at build time (the same in JVM, tests and native). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return KgateVersion.running();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kgate " + version()};
    }
}
