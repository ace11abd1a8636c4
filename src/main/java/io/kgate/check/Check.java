package io.kgate.check;

import io.kgate.finding.Finding;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One kind of check over the whole loaded tree. Implementations are stateless and thread-safe. */
public interface Check {
    void run(CheckContext ctx, Consumer<Finding> out);

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
