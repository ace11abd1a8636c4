package io.kgate.check.rules;

import java.util.Optional;

/**
 * A check written in Java whose behaviour rule files tune through typed parameters. One rule file
 * ({@code rules/ID.yaml}: id, severity, docs, examples, parameter values) instantiates one template;
 * several rules may share a template with different parameters. Adding a rule:
 * <ol>
 * <li>a class here in {@code templates/}: its {@link #name()}, its parameter record {@code P} with
 * {@link #params()} (see {@link ParamSchema}; {@link ParamSchema#none()} when there are none), and
 * {@link #run}, which walks {@code ctx.graph()} (the model's helpers answer "which pods does this
 * select") and calls {@code ctx.report(...)} — the severity comes from the rule file;</li>
 * <li>one line in {@link Templates};</li>
 * <li>{@code rules/ID.yaml} with a failing and a passing example (RuleExamplesTest runs them);</li>
 * <li>fixtures {@code testdata/rule-ID-fail} and {@code -pass} with {@code # expect: ID} comments.</li>
 * </ol>
 * CONTRIBUTING.md walks through one.
 *
 * @param <P> the template's parameter record
 */
public interface Template<P> {
    /** The name rule files use in {@code template:}. */
    String name();

    /** The parameters this template accepts, with their defaults, and how they make a {@code P}. */
    ParamSchema<P> params();

    /** What it reads of the tree: the default keeps every object whole for it (see {@link Reads}). */
    default Reads reads() {
        return Reads.WHOLE_OBJECTS;
    }

    /** Reports every problem of the tree through {@code ctx}. */
    void run(RuleContext<P> ctx);

    /** The cluster capacity that a rule's parameters describe, if the template has one (see {@link RuleSet#clusterCapacity}). */
    default Optional<ClusterCapacity> capacity(P params) {
        return Optional.empty();
    }
}
