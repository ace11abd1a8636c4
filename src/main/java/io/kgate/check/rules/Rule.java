package io.kgate.check.rules;

import io.kgate.finding.Severity;

/**
 * A rule as it runs: its file, the effective severity and parameters after profile and config, and
 * whether it is enabled. {@code template} is null for built-in rules.
 */
public record Rule(RuleDef def, Template template, Severity severity, boolean enabled, Params params,
        boolean severityChanged) {
    public String id() {
        return def.id();
    }
}
