package io.kgate.cli;

import io.kgate.check.Check;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.check.rules.RuleSet;
import io.kgate.check.schema.SchemaCheck;
import io.kgate.check.schema.SchemaChecks;
import io.kgate.check.schema.SchemaOptions;
import io.kgate.load.LoadLimits;
import io.kgate.load.LoadResult;
import io.kgate.load.Loader;
import io.kgate.load.PathException;
import io.kgate.model.KubeObject;
import io.kgate.schema.PulledSchemas;
import io.kgate.schema.SchemaCatalogs;
import io.kgate.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The schema validation options of the top command (a picocli mixin, so KgateCommand stays small). */
public final class SchemaArgs {
    @Option(scope = ScopeType.INHERIT, names = {"-k", "--kubernetes-version"}, paramLabel = "VERSION",
            description = "Kubernetes version whose API schemas and removed/deprecated APIs apply "
                    + "(default: the newest embedded; see 'kgate schemas').")
    String kubernetesVersion;

    @Option(scope = ScopeType.INHERIT, names = "--no-strict", description = "Allow fields the schema does not declare (other schema errors stay).")
    boolean noStrict;

    @Option(scope = ScopeType.INHERIT, names = "--crds", paramLabel = "DIR_OR_FILE",
            description = "CustomResourceDefinitions to validate custom resources against, repeatable "
                    + "(CRDs inside the checked tree are used too).")
    List<String> crds = new ArrayList<>();

    @Option(scope = ScopeType.INHERIT, names = "--policies", paramLabel = "DIR_OR_FILE",
            description = "ValidatingAdmissionPolicies, their bindings and params to apply to the tree, repeatable "
                    + "(policies inside the checked tree apply too).")
    List<String> policies = new ArrayList<>();

    @Option(scope = ScopeType.INHERIT, names = "--missing-schemas", paramLabel = "LEVEL",
            description = "Severity of objects without a schema (rule schema-unknown): error, warning (default) or ignore.")
    String missingSchemas;

    @Option(scope = ScopeType.INHERIT, names = "--schemas", paramLabel = "DIR",
            description = "Validate against the schemas and CRDs pulled from a cluster into DIR ('kgate schemas pull'); "
                    + "its server version is the Kubernetes version unless -k is given.")
    Path schemas;

    @Option(scope = ScopeType.INHERIT, names = "--schema-location", paramLabel = "TEMPLATE",
            description = "A local kubeconform-style schema catalog for kinds no other source knows, repeatable: a "
                    + "directory, or a path with {{ .Group }}, {{ .ResourceKind }}, {{ .ResourceAPIVersion }}, "
                    + "{{ .KindSuffix }}, {{ .NormalizedKubernetesVersion }}, {{ .StrictSuffix }}. Never a URL.")
    List<String> schemaLocations = new ArrayList<>();

    /**
     * The pulled directory of --schemas, else of {@code schemas:} in the config of {@code rules} (the
     * command line outranks the config), or null; a broken one is a usage error naming where it was given.
     */
    PulledSchemas pulled(RuleSet rules) {
        Path dir = schemas != null ? schemas : rules.config().schemas();
        if (dir == null) {
            return null;
        }
        try {
            return PulledSchemas.read(dir);
        } catch (IllegalArgumentException e) {
            throw new KgateCommand.UsageError((schemas != null ? "--schemas" : rules.config().file() + ": schemas")
                    + ": " + e.getMessage());
        }
    }

    /** The schema checks as asked for; a bad value is a usage error (exit 2). */
    List<Check> checks(LoadLimits limits, RuleSet rules) {
        PulledSchemas pulled = pulled(rules);
        if (pulled != null) {
            return checks(limits, pulled, kubernetesVersion == null ? pulled.kubernetesVersion() : normalize(kubernetesVersion));
        }
        String version = kubernetesVersion == null ? SchemaStore.newest() : normalize(kubernetesVersion);
        return checks(limits, null, version);
    }

    private List<Check> checks(LoadLimits limits, PulledSchemas pulled, String version) {
        if (pulled == null && SchemaStore.of(version) == null) {
            throw new KgateCommand.UsageError("unknown --kubernetes-version '" + kubernetesVersion
                    + "'; embedded versions: " + String.join(", ", SchemaStore.versions().keySet()));
        }
        List<KubeObject> crdObjects = new ArrayList<>();
        List<Finding> crdFindings = new ArrayList<>();
        // registered in this order, later wins: the pulled cluster's CRDs, then --crds (then the tree's)
        List<String> crdPaths = new ArrayList<>(pulled == null ? List.of() : pulled.crdFiles());
        crdPaths.addAll(crds);
        if (!crdPaths.isEmpty()) {
            try {
                LoadResult crdLoad = new Loader(limits).load(crdPaths, new ByteArrayInputStream(new byte[0]));
                crdObjects.addAll(crdLoad.objects());
                crdFindings.addAll(crdLoad.findings());
            } catch (PathException e) {
                throw new KgateCommand.UsageError("--crds: " + e.getMessage());
            }
        }
        List<KubeObject> policyObjects = new ArrayList<>();
        if (!policies.isEmpty()) {
            try {
                LoadResult policyLoad = new Loader(limits).load(policies, new ByteArrayInputStream(new byte[0]));
                policyObjects.addAll(policyLoad.objects());
                policyLoad.findings().forEach(f -> {
                    throw new KgateCommand.UsageError("--policies: " + f.file() + ":" + f.line() + ": "
                            + f.message());
                });
            } catch (PathException e) {
                throw new KgateCommand.UsageError("--policies: " + e.getMessage());
            }
        }
        SchemaCatalogs catalogs;
        try {
            catalogs = SchemaCatalogs.of(schemaLocations, version, !noStrict);
        } catch (IllegalArgumentException e) {
            throw new KgateCommand.UsageError(e.getMessage());
        }
        return SchemaChecks.create(new SchemaOptions(version, !noStrict, crdObjects, crdFindings,
                pulled == null ? null : pulled.store(), catalogs), policyObjects);
    }

    /** {@code rules} with --missing-schemas applied to rule schema-unknown: the command line outranks the config. */
    RuleSet applyTo(RuleSet rules) {
        if (missingSchemas == null) {
            return rules;
        }
        String level = missingSchemas.trim().toLowerCase(Locale.ROOT);
        if (level.equals("ignore")) {
            return rules.with(SchemaCheck.SCHEMA_UNKNOWN, false, null);
        }
        Severity missing = Severity.parse(level);
        if (missing == null || missing == Severity.INFO) {
            throw new KgateCommand.UsageError("--missing-schemas must be error, warning or ignore, not '"
                    + missingSchemas + "'");
        }
        return rules.with(SchemaCheck.SCHEMA_UNKNOWN, true, missing);
    }

    /** "v1.34", "1.34.2" and "1.34" all mean the embedded 1.34. */
    private static String normalize(String v) {
        String s = v.trim();
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        String[] parts = s.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : s;
    }
}
