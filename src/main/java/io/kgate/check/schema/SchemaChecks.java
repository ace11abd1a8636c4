package io.kgate.check.schema;

import io.kgate.check.Check;
import io.kgate.check.admission.AdmissionPolicyCheck;
import io.kgate.model.KubeObject;
import io.kgate.check.crd.CrdRulesCheck;
import io.kgate.check.crd.CrdSchemaCheck;
import java.util.List;

/** The checks of schema validation, in the order the Linter runs them. */
public final class SchemaChecks {
    private SchemaChecks() {
    }

    public static List<Check> create(SchemaOptions options) {
        return create(options, List.of());
    }

    /** With {@code policies}: the objects of {@code --policies} (admission policies, bindings, params). */
    public static List<Check> create(SchemaOptions options, List<KubeObject> policies) {
        return List.of(new SchemaCheck(options), new DuplicateKeyCheck(), new ObjectNameCheck(),
                new LabelsAndAnnotationsCheck(), new QuantityCheck(), new UniqueListKeysCheck(), new ContainerImageCheck(),
                new ConfigDataCheck(),
                new ApiLifecycleCheck(options.kubernetesVersion()), new CrdSchemaCheck(),
                new CrdRulesCheck(options.extraCrds(), options.kubernetesVersion()), new AdmissionPolicyCheck(policies));
    }
}
