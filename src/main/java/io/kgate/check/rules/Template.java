package io.kgate.check.rules;

import java.util.List;

/**
 * A check written in Java whose behaviour rule files tune through typed parameters. One rule file
 * instantiates one template; several rules may share a template with different parameters.
 */
public interface Template {
    /** The name rule files use in {@code template:}. */
    String name();

    /** The parameters this template accepts, with their defaults; none unless overridden. */
    default List<ParamSpec> params() {
        return List.of();
    }

    /** Reports every problem of the tree through {@code ctx}. */
    void run(RuleContext ctx);
}
