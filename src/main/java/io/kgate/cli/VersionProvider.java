package io.kgate.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine;

/** The version Maven built, as Quarkus records it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kgate " + version()};
    }
}
