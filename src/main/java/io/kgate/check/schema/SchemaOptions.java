package io.kgate.check.schema;

import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.schema.SchemaCatalogs;
import io.kgate.schema.SchemaStore;
import java.util.List;

/**
 * How schema validation runs: the Kubernetes version, strictness (unknown fields), CRDs given outside
 * the linted tree ({@code --crds}) with what reading them found (YAML errors: reported, not dropped),
 * the definitions of built-in kinds when they do not come from the embedded version (a pulled
 * cluster directory; null: embedded), and the schema catalogs of --schema-location (null: none). How objects without a schema are reported is rule
 * {@code schema-unknown}'s severity.
 */
public record SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
        List<Finding> extraCrdFindings, SchemaStore builtins, SchemaCatalogs catalogs) {
    public SchemaOptions {
        extraCrds = List.copyOf(extraCrds);
        extraCrdFindings = List.copyOf(extraCrdFindings);
    }

    public SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
            List<Finding> extraCrdFindings) {
        this(kubernetesVersion, strict, extraCrds, extraCrdFindings, null, null);
    }

    /** The defaults: the newest embedded Kubernetes version, strict, no extra CRDs. */
    public static SchemaOptions defaults() {
        return new SchemaOptions(io.kgate.schema.SchemaStore.newest(), true, List.of(), List.of());
    }
}
