package io.kgate.finding;

/**
 * What a rule id means, for {@code kgate rules}, {@code kgate explain} and the rule metadata of
 * machine formats (SARIF): one line, a full description, the fix, and the severity its rule file
 * gives (before profile and config).
 */
public record RuleDoc(String id, Severity severity, String shortDescription, String description,
        String remediation) {
}
