package io.kgate;

/**
 * Which phase of a native executable this code runs in, from the property GraalVM sets ({@code ImageInfo} of the
 * GraalVM SDK says the same but is not in the jar). Classes initialized while the executable is built use
 * {@link #building()} to do there what a JVM does lazily. Read at each call, not kept in a field: this class may
 * itself be initialized while building, and a field would keep "buildtime" in the executable.
 */
public final class NativeImage {
    private static final String PHASE = "org.graalvm.nativeimage.imagecode";

    private NativeImage() {
    }

    /** True while the native executable is being built (class initializers run at build time). */
    public static boolean building() {
        return "buildtime".equals(System.getProperty(PHASE));
    }

    /** True in the native executable; false in a JVM and while building. */
    public static boolean running() {
        return "runtime".equals(System.getProperty(PHASE));
    }
}
