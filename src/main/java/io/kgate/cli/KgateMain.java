package io.kgate.cli;

import io.kgate.NativeImage;
import io.quarkus.runtime.JVMUnsafeWarningsControl;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * kgate's entry point: the command line runs at once, without starting the Quarkus application (its
 * configuration, logging set-up and CDI container). kgate uses none of them at run time, and starting them was
 * 60 % of a native {@code kgate --version}. Quarkus still builds kgate: the native executable, picocli's
 * reflection registrations, the resources and the tables initialized while building.
 */
@QuarkusMain
public final class KgateMain {
    private KgateMain() {
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs kgate with {@code args} and returns its exit code. */
    public static int run(String... args) {
        if (!NativeImage.running()) {
            inTheJvm();
        }
        LibraryWarnings.install(args);
        return KgateCommandLine.forArguments(KgateCommandLine.top(), args).execute(args);
    }

    /**
     * What of the Quarkus application's start matters to kgate in a JVM (the native executable has it from its
     * build): the JDK's warnings about libraries' use of {@code sun.misc.Unsafe} (cel's protobuf) are not for
     * kgate's users, and libraries log through JBoss LogManager with no record below WARN made (making the first
     * one resolves the host name: a DNS query when it is not in /etc/hosts). 900 is WARN, as
     * {@code quarkus.log.min-level} in application.properties is for the native executable.
     */
    private static void inTheJvm() {
        JVMUnsafeWarningsControl.disableUnsafeRelatedWarnings();
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.setProperty("org.jboss.logging.provider", "jboss");
        System.setProperty("logging.initial-configurator.min-level", "900");
    }
}
