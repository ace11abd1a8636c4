package io.kgate.check.identity;

import io.kgate.check.Check;
import java.util.List;

/** The checks that need nothing but the parsed documents: every object has an identity, and only one definition. */
public final class IdentityChecks {
    private IdentityChecks() {
    }

    public static List<Check> create() {
        return List.of(new ObjectIdentityCheck(), new DuplicateObjectCheck());
    }
}
