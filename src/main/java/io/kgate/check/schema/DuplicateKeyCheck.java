package io.kgate.check.schema;

import io.kgate.check.CheckContext;
import io.kgate.check.ObjectCheck;
import io.kgate.finding.Finding;
import io.kgate.model.DuplicateKey;
import io.kgate.model.JsonPointer;
import io.kgate.model.KubeObject;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of {@code schema} about keys written twice in one mapping: YAML parsers keep one of the
 * values (which one depends on the tool), so what is applied is not what the file seems to say.
 */
public final class DuplicateKeyCheck implements ObjectCheck {
    private static final String ID = SchemaCheck.SCHEMA;

    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        for (DuplicateKey d : o.duplicateKeys()) {
            // at the second key's position, which the object's tree no longer holds
            out.accept(new Finding(ID, ctx.rules().severity(ID), JsonPointer.toDotted(d.pointer())
                    + ": duplicate key \"" + lastStep(d.pointer()) + "\" (first written at line " + d.firstPos().line()
                    + "); only one of the values would be applied", o.file().displayName(), d.pos(), o.ref(),
                    d.pointer()));
        }
    }

    private static String lastStep(String pointer) {
        var steps = JsonPointer.split(pointer);
        return steps.isEmpty() ? "" : steps.get(steps.size() - 1);
    }

    @Override
    public Set<String> rules() {
        return Set.of(ID);
    }
}
