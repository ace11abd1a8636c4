package io.kgate.check.schema;

import io.kgate.check.ObjectCheck;
import io.kgate.check.CheckContext;
import io.kgate.finding.Finding;
import io.kgate.model.KubeObject;
import io.kgate.model.Sops;
import io.kgate.schema.ApiLifecycle;
import io.kgate.schema.CustomResources;
import io.kgate.schema.Schema;
import io.kgate.schema.SchemaCatalogs;
import io.kgate.schema.SchemaStore;
import io.kgate.schema.Validator;
import io.kgate.schema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code schema} (structure: types, required fields, enums, unknown fields) and {@code schema-unknown}
 * (no schema for the object's apiVersion/kind). Built-in kinds use the embedded definitions of the
 * chosen Kubernetes version; custom resources the CRDs of the tree and of {@code --crds}, then the
 * schema catalogs of {@code --schema-location}.
 */
public final class SchemaCheck implements ObjectCheck {
    public static final String SCHEMA = "schema";
    public static final String SCHEMA_UNKNOWN = "schema-unknown";
    /** Below this many objects a single thread is faster than forking. */
    private static final int PARALLEL_THRESHOLD = 200;

    private final SchemaOptions options;
    private final SchemaStore store;
    private final Validator validator;

    public SchemaCheck(SchemaOptions options) {
        this.options = options;
        this.store = options.builtins() != null ? options.builtins() : SchemaStore.of(options.kubernetesVersion());
        if (store == null) {
            throw new IllegalArgumentException("no embedded schemas for Kubernetes " + options.kubernetesVersion());
        }
        this.validator = new Validator(store::definition, options.strict());
    }

    /** File pass: objects of built-in kinds (and removed APIs); custom resources wait for every CRD. */
    @Override
    public void check(CheckContext ctx, KubeObject o, Consumer<Finding> out) {
        if (!waitsForCrds(o)) {
            check(ctx, o, null, validator).forEach(out);
        }
    }

    /** CRDs register their schemas in the tree pass; custom resources are validated there. */
    @Override
    public boolean needsWholeTree(KubeObject o) {
        return CustomResources.isCrd(o) || waitsForCrds(o);
    }

    /** Tree pass: the objects whose schema may come from a CRD anywhere in the tree. */
    @Override
    public void run(CheckContext ctx, Consumer<Finding> out) {
        // what reading --crds found (loader findings) gets its rule's severity like the tree's own
        options.extraCrdFindings().forEach(f -> out.accept(f.withSeverity(ctx.rules().severity(f.rule()))));
        CustomResources crds = new CustomResources();
        options.extraCrds().stream().filter(CustomResources::isCrd).forEach(crds::register);
        ctx.objects().stream().filter(CustomResources::isCrd).forEach(crds::register);
        List<KubeObject> objects = ctx.objects().stream().filter(this::waitsForCrds).toList();
        IntStream indexes = IntStream.range(0, objects.size());
        if (objects.size() > PARALLEL_THRESHOLD) {
            indexes = indexes.parallel();
        }
        // per-object lists in input order: the report does not depend on thread timing
        List<List<Finding>> perObject = indexes.mapToObj(i -> check(ctx, objects.get(i), crds, validator)).toList();
        perObject.forEach(l -> l.forEach(out));
    }

    /** True for an object with apiVersion and kind, served, but without an embedded schema. */
    private boolean waitsForCrds(KubeObject o) {
        String apiVersion = o.apiVersion();
        String kind = o.kind();
        if (apiVersion == null || kind == null || apiVersion.isBlank() || kind.isBlank()) {
            return false;
        }
        ApiLifecycle.Entry life = ApiLifecycle.find(apiVersion, kind);
        if (life != null && life.removedIn(options.kubernetesVersion())) {
            return false;
        }
        // no CustomResourceDefinition can add a kind to a built-in group: such a kind is wrong now
        return builtIn(apiVersion, kind) == null && store.kindsOfGroup(apiVersion).isEmpty();
    }

    private Schema builtIn(String apiVersion, String kind) {
        String def = store.definitionOf(apiVersion, kind);
        return def == null ? null : store.definition(def);
    }

    /** {@code crds} is null in the file pass, where only built-in kinds are checked. */
    private List<Finding> check(CheckContext ctx, KubeObject o, CustomResources crds, Validator validator) {
        String apiVersion = o.apiVersion();
        String kind = o.kind();
        if (apiVersion == null || kind == null || apiVersion.isBlank() || kind.isBlank()) {
            return List.of(); // object-identity reports it
        }
        ApiLifecycle.Entry life = ApiLifecycle.find(apiVersion, kind);
        if (life != null && life.removedIn(options.kubernetesVersion())) {
            return List.of(); // removed-api says all there is to say
        }
        Schema schema = builtIn(apiVersion, kind);
        if (schema == null && crds != null) {
            schema = crds.find(apiVersion, kind);
        }
        List<Finding> out = new ArrayList<>();
        if (schema == null && !store.kindsOfGroup(apiVersion).isEmpty()) {
            out.add(ctx.finding(SCHEMA, o, "/kind", unknownBuiltInMessage(o)));
            return out;
        }
        if (schema == null && crds != null && options.catalogs() != null) {
            // catalogs serve only kinds that neither the API version nor a CRD knows
            SchemaCatalogs.Verdict verdict = options.catalogs().validate(o);
            if (verdict != null) {
                verdict.violations().forEach(v -> out.add(ctx.finding(SCHEMA, o, v.pointer(), v.message())));
                return out;
            }
        }
        if (schema == null) {
            out.add(ctx.finding(SCHEMA_UNKNOWN, o, "/apiVersion", unknownMessage(o)));
            return out;
        }
        boolean sops = Sops.isEncrypted(o);
        for (Violation v : validator.validate(o.root(), schema)) {
            // a SOPS file's metadata and encrypted values are what encryption looks like, not errors
            if (sops && (Sops.isMetadata(v.pointer()) || Sops.isEncryptedValue(text(o.at(v.pointer()))))) {
                continue;
            }
            out.add(ctx.finding(SCHEMA, o, v.pointer(), v.message()));
        }
        return out;
    }

    private static String text(io.kgate.model.Node n) {
        return n == null ? null : n.text();
    }

    /** A kind that the built-in group of its apiVersion does not have, with the kind probably meant. */
    private String unknownBuiltInMessage(KubeObject o) {
        String apiVersion = o.apiVersion();
        List<String> served = store.kindsOf(apiVersion);
        String where = served.isEmpty() ? "the API group of " + apiVersion : apiVersion;
        String base = "kind \"" + o.kind() + "\" is not served by " + where + " in Kubernetes " + store.version()
                + " (a built-in API group: no CustomResourceDefinition can add kinds to it)";
        List<String> versions = store.apiVersionsOf(o.kind());
        if (!versions.isEmpty()) {
            return base + "; " + o.kind() + " is served as " + String.join(", ", versions);
        }
        String guess = closest(o.kind(), served.isEmpty() ? store.kindsOfGroup(apiVersion) : served);
        return guess == null ? base : base + "; did you mean \"" + guess + "\"?";
    }

    /** The candidate {@code written} most probably means: equal ignoring case, else the nearest by edit distance. */
    static String closest(String written, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(written)) {
                return c;
            }
            int d = Validator.distance(written.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, written.length() / 4)) ? best : null;
    }

    private String unknownMessage(KubeObject o) {
        String base = "no schema for " + o.apiVersion() + " " + o.kind() + " in Kubernetes " + store.version();
        List<String> known = store.apiVersionsOf(o.kind());
        if (!known.isEmpty()) {
            return base + "; " + o.kind() + " is served as " + String.join(", ", known);
        }
        return base + ": not a built-in kind; add its CustomResourceDefinition to the tree or pass it with --crds";
    }

    @Override
    public Set<String> rules() {
        return Set.of(SCHEMA, SCHEMA_UNKNOWN);
    }
}
