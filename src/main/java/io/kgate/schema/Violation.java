package io.kgate.schema;

/** One schema error: the JSON pointer of the offending (or missing) field and a plain-words message. */
public record Violation(String pointer, String message) {
}
