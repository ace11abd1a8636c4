package io.kgate.check;

import io.kgate.finding.Finding;
import java.util.function.Consumer;

/** One kind of check over the whole loaded tree. Implementations are stateless and thread-safe. */
public interface Check {
    void run(CheckContext ctx, Consumer<Finding> out);
}
