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

    /** A part of a template's checks that reads one object at a time. */
    interface EachObject<P> {
        void run(RuleContext<P> ctx);
    }

    /**
     * For a template that reads several objects: the part of its checks that reads each object alone,
     * if it has one (null: none, the default). It runs in the file pass on a graph of one object, as
     * {@link Reads#OBJECT_ALONE} templates do, in parallel over the files; {@link #run} then reports
     * only what needs several objects, once per unit on one thread of the tree pass.
     */
    default EachObject<P> eachObject() {
        return null;
    }

    /** The cluster capacity that a rule's parameters describe, if the template has one (see {@link RuleSet#clusterCapacity}). */
    default Optional<ClusterCapacity> capacity(P params) {
        return Optional.empty();
    }
}
