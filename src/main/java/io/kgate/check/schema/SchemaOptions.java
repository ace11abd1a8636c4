package io.kgate.check.schema;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.KubeObject;
import java.util.List;

/**
 * How schema validation runs: the Kubernetes version, strictness (unknown fields), CRDs given outside
 * the linted tree ({@code --crds}) with what reading them found (YAML errors: reported, not dropped), and
 * the severity of objects without a schema (null: ignore them).
 */
public record SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
        List<Finding> extraCrdFindings, Severity missingSchemas) {
    public SchemaOptions {
        extraCrds = List.copyOf(extraCrds);
        extraCrdFindings = List.copyOf(extraCrdFindings);
    }

    public SchemaOptions(String kubernetesVersion, boolean strict, List<KubeObject> extraCrds,
            Severity missingSchemas) {
        this(kubernetesVersion, strict, extraCrds, List.of(), missingSchemas);
    }
}
