package io.kgate.check;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * A check of one object alone. The Linter runs it in the file pass, right after the object's file is
 * parsed and while its whole tree is in memory; the tree is released afterwards, so
 * {@link #run} (the tree pass) sees only what cross-object rules retain, unless
 * {@link #needsWholeTree} asks to keep an object whole.
 */
public interface ObjectCheck extends Check {
    /**
     * Reports the problems of {@code o} alone. Called from several threads at once; in the file pass
     * {@code ctx} holds the object's file only.
     */
    void check(CheckContext ctx, KubeObject o, Consumer<Finding> out);

    /** True when the tree pass still needs the whole tree of {@code o} (e.g. a CRD, or a custom resource). */
    default boolean needsWholeTree(KubeObject o) {
        return false;
    }

    /** The tree pass reads nothing beyond identity (objects it needs whole: {@link #needsWholeTree}). */
    @Override
    default List<String> retainedFields() {
        return List.of();
    }

    /** The tree pass: nothing is left to do for a pure object check. */
    @Override
    default void run(CheckContext ctx, Consumer<Finding> out) {
    }
}
