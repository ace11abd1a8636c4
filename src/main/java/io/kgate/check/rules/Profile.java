package io.kgate.check.rules;

/** A named parameter set for a kind of cluster (e.g. pi-4gb), kept in rules/profiles/. */
public record Profile(String name, String description, Overrides overrides) {
}
