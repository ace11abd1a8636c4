package io.kgate.check.schema;

import io.kgate.check.Severity;
import io.kgate.model.KubeObject;
import java.util.List;

/**
 * How schema validation runs: the Kubernetes version, strictness (unknown fields), CRDs given outside
 * the linted tree ({@code --crds}), and the severity of objects without a schema (null: ignore them).
 */
public record SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
        Severity missingSchemas) {
    public SchemaOptions {
        extraCrds = List.copyOf(extraCrds);
    }
}
