package io.kgate.check.schema;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import java.util.List;

/**
 * How schema validation runs: the Kubernetes version, strictness (unknown fields), CRDs given outside
 * the linted tree ({@code --crds}) with what reading them found (YAML errors: reported, not dropped).
 * How objects without a schema are reported is rule {@code schema-unknown}'s severity.
 */
public record SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
        List<Finding> extraCrdFindings) {
    public SchemaOptions {
        extraCrds = List.copyOf(extraCrds);
        extraCrdFindings = List.copyOf(extraCrdFindings);
    }

    /** The defaults: the newest embedded Kubernetes version, strict, no extra CRDs. */
    public static SchemaOptions defaults() {
        return new SchemaOptions(io.kgate.schema.SchemaStore.newest(), true, List.of(), List.of());
    }
}
