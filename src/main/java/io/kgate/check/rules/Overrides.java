package io.kgate.check.rules;

import io.kgate.finding.Severity;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rules:} section shared by profiles and {@code .kgate.yaml}: per rule id, whether it is
 * enabled, its severity and parameters.
 */
public record Overrides(String file, Map<String, Override> rules) {
    /** What one layer changes for one rule; null fields change nothing. */
    public record Override(String id, Pos pos, Boolean enabled, Severity severity, MapNode params) {
    }

    private static final Set<String> KEYS = Set.of("enabled", "severity", "params");

    public static final Overrides NONE = new Overrides(null, Map.of());

    /** Reads a {@code rules:} mapping; errors name the file and line. */
    static Overrides parse(String file, Node rulesNode) throws RuleError {
        Map<String, Override> out = new LinkedHashMap<>();
        if (rulesNode == null || (rulesNode.asScalar() != null && rulesNode.asScalar().isNull())) {
            return new Overrides(file, out);
        }
        MapNode rules = rulesNode.asMap();
        if (rules == null) {
            throw new RuleError(file, rulesNode.pos(), "rules must be a mapping of rule id to settings, not "
                    + rulesNode.typeName());
        }
        for (MapNode.Entry e : rules.entries()) {
            MapNode m = e.value().asMap();
            if (m == null) {
                throw new RuleError(file, e.value().pos(), "settings of rule " + e.key()
                        + " must be a mapping with enabled, severity or params, not " + e.value().typeName());
            }
            for (MapNode.Entry k : m.entries()) {
                if (!KEYS.contains(k.key())) {
                    throw new RuleError(file, k.keyPos(), "unknown setting '" + k.key() + "' for rule " + e.key()
                            + " (allowed: enabled, severity, params)");
                }
            }
            Boolean enabled = null;
            Node en = m.get("enabled");
            if (en != null) {
                if (en.asScalar() == null || !(en.asScalar().value() instanceof Boolean b)) {
                    throw new RuleError(file, en.pos(), "enabled must be true or false");
                }
                enabled = b;
            }
            Severity severity = null;
            Node sev = m.get("severity");
            if (sev != null) {
                severity = Severity.parse(sev.text());
                if (severity == null) {
                    throw new RuleError(file, sev.pos(), "severity must be error, warning or info");
                }
            }
            Node params = m.get("params");
            if (params != null && params.asMap() == null) {
                throw new RuleError(file, params.pos(), "params must be a mapping of parameter name to value");
            }
            out.put(e.key(), new Override(e.key(), e.keyPos(), enabled, severity,
                    params == null ? null : params.asMap()));
        }
        return new Overrides(file, out);
    }
}
