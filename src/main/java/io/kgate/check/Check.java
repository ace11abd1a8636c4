package io.kgate.check;

import io.kgate.finding.Finding;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One kind of check over the whole loaded tree. Implementations are stateless and thread-safe. */
public interface Check {
    void run(CheckContext ctx, Consumer<Finding> out);

    /**
     * A part of a check's work, run on one thread: it reports its findings to {@code out} as it makes
     * them, in order (the linter packs them as they come, see {@link io.kgate.finding.PackedFindings}).
     */
    @FunctionalInterface
    interface Task {
        void run(Consumer<Finding> out) throws Exception;
    }

    /**
     * {@link #run} as tasks the linter runs on the run's threads, whose findings in this order are
     * those of {@link #run}: one task (the default), or, for a check with much independent work, one
     * per part of it. Called on a thread of the run's pool: what the tasks share is prepared here.
     */
    default List<Task> tasks(CheckContext ctx) {
        return List.of(out -> run(ctx, out));
    }

    /**
     * What {@link #run} reads of each object besides identity and labels, as
     * {@link io.kgate.model.RetainedFields} fields; null (the default) needs every object whole.
     */
    default List<String> retainedFields() {
        return null;
    }

    /** The rule ids it reports, so that a run can leave it out; empty (the default): always run it. */
    default Set<String> rules() {
        return Set.of();
    }
}
