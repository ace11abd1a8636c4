package io.kgate.check;

import io.kgate.finding.Severity;

/**
 * What a rule id means, for {@code kgate rules}, {@code kgate explain} and the rule metadata of
 * machine formats (SARIF): one line, a full description, the fix, and the default severity.
 */
public record RuleDoc(String id, Severity severity, String shortDescription, String description,
        String remediation) {
}
