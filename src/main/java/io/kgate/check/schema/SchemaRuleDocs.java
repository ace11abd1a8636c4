package io.kgate.check.schema;

import io.kgate.check.RuleDoc;
import io.kgate.check.RuleDocs;
import io.kgate.check.Severity;

/** The documentation of the schema validation rules, in one place. */
public final class SchemaRuleDocs {
    private SchemaRuleDocs() {
    }

    public static void register() {
        RuleDocs.register(new RuleDoc(SchemaCheck.SCHEMA, Severity.ERROR,
                "Every object matches the API schema of its kind, as the API server would check it.",
                "Checks each object against the OpenAPI definition of its apiVersion and kind in the target "
                        + "Kubernetes version (--kubernetes-version), or against its CustomResourceDefinition: wrong "
                        + "types, missing required fields, values outside an enum, unknown fields (strict by default; "
                        + "--no-strict allows them), and keys written twice in one mapping. Also what the API server "
                        + "rejects for every object: metadata.name and namespace formats (DNS-1123 subdomain or "
                        + "label, DNS-1035 label for Services), label and annotation syntax, quantity syntax in "
                        + "resources and emptyDir.sizeLimit, and unique names or ports in containers, init "
                        + "containers, volumes, volume mounts (mountPath), env, container ports and Service ports.",
                "Fix the field at the reported position; the message names the expected type or values."));
        RuleDocs.register(new RuleDoc(SchemaCheck.SCHEMA_UNKNOWN, Severity.WARNING,
                "Every object has a schema to be validated against.",
                "An object whose apiVersion/kind is neither a built-in kind of the target Kubernetes version nor "
                        + "declared by a CustomResourceDefinition (in the tree or given with --crds) cannot be "
                        + "validated. It is reported, never skipped silently; --missing-schemas sets the severity "
                        + "(error, warning, ignore).",
                "Add the CRD to the tree or pass it with --crds; check the apiVersion for typos."));
        RuleDocs.register(new RuleDoc(ApiLifecycleCheck.REMOVED, Severity.ERROR,
                "No object uses an apiVersion the target Kubernetes version no longer serves.",
                "Applying an object whose apiVersion was removed (e.g. extensions/v1beta1 Ingress, "
                        + "policy/v1beta1 PodDisruptionBudget, batch/v1beta1 CronJob) fails on the target cluster.",
                "Move the object to the replacement apiVersion named in the message and adapt changed fields."));
        RuleDocs.register(new RuleDoc(ApiLifecycleCheck.DEPRECATED, Severity.WARNING,
                "No object uses a deprecated apiVersion.",
                "The apiVersion still works in the target Kubernetes version but is deprecated, and will be "
                        + "removed (the message says when, if scheduled). v1 Endpoints is deprecated since 1.33 in "
                        + "favour of discovery.k8s.io/v1 EndpointSlice.",
                "Migrate to the replacement named in the message before upgrading."));
    }
}
