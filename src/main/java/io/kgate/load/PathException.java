package io.kgate.load;

/** A path given on the command line that cannot be read at all (exit code 2). */
public final class PathException extends Exception {
    public PathException(String message) {
        super(message);
    }
}
