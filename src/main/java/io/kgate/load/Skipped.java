package io.kgate.load;

/** A file or directory kgate recognised and deliberately did not check, and why. */
public record Skipped(String file, String reason) {
}
