package io.kgate.check.rules;

import io.kgate.finding.Severity;
import java.util.Map;

/**
 * A rule as it runs: its file, the effective severity and parameters after profile and config, and
 * whether it is enabled. {@code template} and {@code params} are null for built-in rules (checked by
 * the loader, the identity and schema checks, suppressions); {@code params} is the template's
 * parameter record, {@code paramValues} the same values by name (for {@code kgate explain}).
 */
public record Rule(RuleDef def, Template<?> template, Severity severity, boolean enabled, Object params,
        Map<String, Object> paramValues) {
    public String id() {
        return def.id();
    }

    public boolean builtin() {
        return template == null;
    }
}
