package io.kgate.check.rules;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.ExternalObject;
import io.kgate.model.KubeObject;
import io.kgate.model.ObjectGraph;
import io.kgate.model.ObjectSources;
import io.kgate.model.Parallel;
import io.kgate.model.Timings;
import io.kgate.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs templated rules: those that read each object alone in the file pass, the others over the
 * object graph of each deployment unit, built once per unit from what the file pass kept.
 */
final class RuleEngine implements ObjectCheck {
    private final List<Rule> perObject;
    private final List<Rule> acrossObjects;
    /** The rules of {@code acrossObjects} whose templates have a part that reads each object alone. */
    private final List<Rule> eachObject;
    /** Objects the config declares as created outside the tree. */
    private final List<ExternalObject> external;

    RuleEngine(List<Rule> rules, List<ExternalObject> external) {
        this.perObject = rules.stream().filter(r -> r.template().reads().alone()).toList();
        this.acrossObjects = rules.stream().filter(r -> !r.template().reads().alone()).toList();
        this.eachObject = acrossObjects.stream().filter(r -> r.template().eachObject() != null).toList();
        this.external = List.copyOf(external);
    }

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (perObject.isEmpty() && eachObject.isEmpty()) {
            return;
        }
        ObjectGraph alone = ObjectGraph.of(List.of(o));
        Supplier<ObjectSources> sources = memoize(() -> new ObjectSources(alone, external, List.of()));
        for (Rule r : perObject) {
            run(r, alone, sources, "the tree", out);
        }
        for (Rule r : eachObject) {
            runEach(r, alone, sources, out);
        }
    }

    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        List<Callable<List<Finding>>> each = new ArrayList<>();
        for (Task t : tasks(ctx)) {
            each.add(() -> {
                List<Finding> found = new ArrayList<>();
                t.run(found::add);
                return found;
            });
        }
        for (List<Finding> found : Parallel.inOrder(each)) {
            found.forEach(out);
        }
    }

    /**
     * A task per rule of each unit, in the order of units and rules; each unit's graph is built here,
     * once, before the tasks that share it start (on all cores when this runs on the run's pool).
     */
    @Override
    public List<Task> tasks(CheckContext ctx) {
        List<Task> tasks = new ArrayList<>();
        if (acrossObjects.isEmpty()) {
            return tasks;
        }
        for (Unit u : ctx.units()) {
            ObjectGraph graph = ObjectGraph.of(u.linked()).indexed();
            String scope = u.scope(ctx.units().size());
            Supplier<ObjectSources> sources = memoize(() -> new ObjectSources(graph, external,
                    KustomizeGenerators.of(ctx.load()), scope));
            for (Rule r : acrossObjects) {
                tasks.add(out -> Timings.timed(r.id(), () -> {
                    run(r, graph, sources, scope, out);
                    return null;
                }).call());
            }
        }
        return tasks;
    }

    /** The fields the cross-object rules read, or null when one of them needs whole objects. */
    @Override
    public List<String> retainedFields() {
        if (acrossObjects.isEmpty()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>(ObjectGraph.READS);
        fields.addAll(ObjectSources.READS);
        for (Rule r : acrossObjects) {
            Reads reads = r.template().reads();
            if (reads.whole()) {
                return null;
            }
            fields.addAll(reads.retained());
        }
        return fields;
    }

    @SuppressWarnings("unchecked") // RuleSet built r.params() with r.template()'s own ParamSchema
    private static <P> void run(Rule r, ObjectGraph graph, Supplier<ObjectSources> sources, String scope,
            Consumer<Finding> out) {
        Template<P> t = (Template<P>) r.template();
        t.run(new RuleContext<>(r, (P) r.params(), graph, sources, scope, out));
    }

    @SuppressWarnings("unchecked") // as in run
    private static <P> void runEach(Rule r, ObjectGraph alone, Supplier<ObjectSources> sources, Consumer<Finding> out) {
        Template<P> t = (Template<P>) r.template();
        t.eachObject().run(new RuleContext<>(r, (P) r.params(), alone, sources, "the tree", out));
    }

    /** Built on first use, by the rules that follow references, and shared by them (on several threads). */
    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
