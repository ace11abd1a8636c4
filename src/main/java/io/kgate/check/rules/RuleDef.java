package io.kgate.check.rules;

import io.kgate.finding.Severity;
import io.kgate.model.MapNode;
import io.kgate.model.Pos;

/**
 * One rule file as written: which template it instantiates, with which parameters, and its
 * documentation. {@code params} is null when the file sets none; examples are null when absent.
 */
public record RuleDef(String id, String template, Severity severity, String summary, String description,
        String why, String remediation, MapNode params, String failExample, String passExample, String file,
        Pos pos) {

    /** The template of rules whose check is built into kgate (loader, document checks, suppressions). */
    public static final String BUILTIN = "builtin";

    public boolean builtin() {
        return BUILTIN.equals(template);
    }
}
