package io.kgate.model;


/** A key written twice in one mapping: where the second is, and where the first was. */
public record DuplicateKey(String pointer, Pos pos, Pos firstPos) {
}
