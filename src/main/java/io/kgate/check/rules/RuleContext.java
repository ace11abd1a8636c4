package io.kgate.check.rules;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ObjectSources;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a template sees while running one rule: the object graph, its typed parameters, and the
 * report, which stamps every finding with the rule's id and severity.
 *
 * @param <P> the template's parameter record
 */
public final class RuleContext<P> {
    private final Rule rule;
    private final P params;
    private final ObjectGraph graph;
    private final Supplier<ObjectSources> sources;
    private final Consumer<Finding> out;
    private final String scope;

    RuleContext(Rule rule, P params, ObjectGraph graph, Supplier<ObjectSources> sources, String scope,
            Consumer<Finding> out) {
        this.rule = rule;
        this.params = params;
        this.graph = graph;
        this.sources = sources;
        this.scope = scope;
        this.out = out;
    }

    /**
     * What the graph holds, for messages: "the tree" when the run has one deployment unit, else the
     * unit ("unit k8s"), so a message about something missing says where kgate looked.
     */
    public String scope() {
        return scope;
    }

    public ObjectGraph graph() {
        return graph;
    }

    /** Where referenced objects come from: the tree, what it produces, and the config's external objects. */
    public ObjectSources sources() {
        return sources.get();
    }

    /** The rule's parameters: defaults of the template, then rule file, profile and config. */
    public P params() {
        return params;
    }

    public String ruleId() {
        return rule.id();
    }

    /** A finding at the rule's severity, at the key of {@code pointer} in {@code obj}. */
    public void report(KubeObject obj, String pointer, String message) {
        out.accept(Finding.at(rule.id(), rule.severity(), obj, pointer, message));
    }

    /** A lesser finding of the same rule: warning, or the rule's severity when that is lower. */
    public void warn(KubeObject obj, String pointer, String message) {
        Severity s = rule.severity().atLeast(Severity.WARNING) ? Severity.WARNING : rule.severity();
        out.accept(Finding.at(rule.id(), s, obj, pointer, message));
    }
}
