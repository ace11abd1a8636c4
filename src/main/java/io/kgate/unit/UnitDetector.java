package io.kgate.unit;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.LoadResult;
import io.kgate.load.Skipped;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.ObjectRef;
import io.kgate.model.SourceFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a loaded tree into deployment units, the step between loading and the cross-object checks.
 * Kustomization roots (not listed by another kustomization) with everything they include, Flux
 * Kustomization paths, and for files outside every kustomization one unit per directory given on
 * the command line; units declared in {@code .kgate.yaml} beat the detected ones. On the way it
 * reports broken kustomize and Flux references, applies {@code namespace:}, and drops files that
 * kustomizations use as inputs (patches, generator files): they are not cluster objects.
 */
public final class UnitDetector {
    public static final String KUSTOMIZE_RESOURCE = "kustomize-resource";
    public static final String KUSTOMIZE_UNLISTED = "kustomize-unlisted";

    /** Kinds that exist once per cluster: every unit sees them, whichever unit defines them. */
    private static final Set<String> CLUSTER_WIDE = Set.of("CustomResourceDefinition", "Namespace",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");
    /** Kinds kustomize's namespace: leaves alone (cluster-scoped). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass",
            "RuntimeClass", "CSIDriver", "CSINode", "VolumeAttachment", "APIService", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "CertificateSigningRequest", "FlowSchema",
            "PriorityLevelConfiguration", "PodSecurityPolicy", "ClusterIssuer", "ClusterSecretStore");

    /** What unit detection reads of objects besides identity: substituteFrom values. */
    public static final List<String> READS = List.of("ConfigMap:/data", "Secret:/data", "Secret:/stringData",
            "Secret:/sops");

    /**
     * The tree split into units, with what the split found; {@code replaced} maps each substituted
     * object (by identity) to its substituted copy.
     */
    public record Result(LoadResult load, List<Unit> units, List<Finding> findings, Substitution.Unknowns unknowns,
            Map<KubeObject, KubeObject> replaced) {
    }

    /** True for an object with Flux ${VAR} placeholders: it is checked once substituted, in the tree pass. */
    public static boolean deferred(KubeObject o) {
        // a packed object was kept by the file pass, which keeps deferred ones whole
        return !o.packed() && Substitution.hasPlaceholders(o.root());
    }

    /** True for objects unit detection reads beyond {@link #READS}: the Flux objects. */
    public static boolean needsWholeTree(KubeObject o) {
        return o.apiVersion() != null && o.apiVersion().contains(".toolkit.fluxcd.io/");
    }

    private final LoadResult load;
    private final UnitOptions options;
    private final List<Finding> findings = new ArrayList<>();
    /** Loaded files by absolute path, and their objects. */
    private final Map<Path, SourceFile> files = new LinkedHashMap<>();
    /**
     * In the tree's order, not a HashMap's: the files of a Flux path and the unlisted files join their
     * units in this order, and a unit's first object is the one a flux-substitution info names. A
     * HashMap of absolute paths ordered them by where the tree was checked out.
     */
    private final Map<Path, List<KubeObject>> objectsByFile = new LinkedHashMap<>();
    private final Map<KubeObject, Path> fileOf = new IdentityHashMap<>();
    private final Map<SourceFile, Path> pathOfFile = new IdentityHashMap<>();
    private final Map<Path, Kustomization> kustomizations = new LinkedHashMap<>();
    /** Every file some kustomization references (the unlisted check's "listed"). */
    private final Set<Path> listed = new HashSet<>();
    /** Files kustomizations use as inputs: not objects. */
    private final Map<Path, String> inputs = new LinkedHashMap<>();

    private UnitDetector(LoadResult load, UnitOptions options) {
        this.load = load;
        this.options = options;
    }

    public static Result detect(LoadResult load, UnitOptions options) {
        return new UnitDetector(load, options).run();
    }

    private Result run() {
        if (options.declared().isEmpty() && !anyKustomizationFile() && !Flux.anyKustomization(load.objects())) {
            // the common small case, and a large tree without units: no kustomize, no Flux, no configuration.
            // Told from the file names first: the maps below cost a path per file and an entry per object
            return withoutUnits();
        }
        for (SourceFile f : load.files()) {
            Path p = pathOfFile(f);
            if (p != null) {
                files.putIfAbsent(p, f);
            }
        }
        for (KubeObject o : load.objects()) {
            Path p = pathOfFile(o.file());
            if (p != null) {
                fileOf.put(o, p);
                objectsByFile.computeIfAbsent(p, k -> new ArrayList<>()).add(o);
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        for (Map.Entry<Path, SourceFile> e : files.entrySet()) {
            if (Kustomization.isKustomizationName(e.getKey().getFileName().toString())) {
                Kustomization k = Kustomization.parse(e.getValue(), e.getKey());
                if (k != null) {
                    kustomizations.put(k.dir(), k);
                    k.remote().forEach(url -> skipped.add(new Skipped(k.file(),
                            "remote reference " + url + " not followed (kgate works offline)")));
                }
            }
        }
        if (kustomizations.isEmpty() && !Flux.anyKustomization(load.objects()) && options.declared().isEmpty()) {
            // the common small case: no kustomize, no Flux, no configuration
            return withoutUnits();
        }
        for (Kustomization k : kustomizations.values()) {
            checkRefs(k);
        }
        // objects of input files are not objects; everything else is
        List<KubeObject> objects = new ArrayList<>();
        for (KubeObject o : load.objects()) {
            Path p = fileOf.get(o);
            if (p == null || !inputs.containsKey(p)) {
                objects.add(o);
            }
        }
        inputs.forEach((p, why) -> {
            if (objectsByFile.containsKey(p)) {
                skipped.add(new Skipped(files.get(p).displayName(), why));
                objectsByFile.remove(p);
            }
        });
        Flux flux = new Flux(objects, fileOf, options.targets(), kustomizations.keySet());
        findings.addAll(flux.findings());

        Map<String, Members> units = new LinkedHashMap<>();
        Set<Kustomization> inFluxUnits = new HashSet<>();
        for (Flux.PathUnit fu : flux.pathUnits()) {
            Members m = units.computeIfAbsent(fu.name(), n -> new Members(n, fu.origin()));
            m.substitution = m.substitution == null ? fu.substitution() : m.substitution;
            Kustomization k = kustomizations.get(fu.dir());
            if (k != null) {
                include(m, k, fu.targetNamespace(), new HashSet<>());
                inFluxUnits.addAll(m.kustomizations);
                continue;
            }
            for (Map.Entry<Path, List<KubeObject>> e : objectsByFile.entrySet()) {
                Path file = e.getKey();
                if (!file.startsWith(fu.dir())) {
                    continue;
                }
                Kustomization inner = nearestKustomization(file.getParent(), fu.dir());
                if (inner == null) {
                    m.add(e.getValue(), fu.targetNamespace());
                    m.fluxGenerated.add(file);
                }
            }
            for (Kustomization inner : kustomizations.values()) {
                if (inner.dir().startsWith(fu.dir()) && !inner.dir().equals(fu.dir())
                        && nearestKustomization(inner.dir().getParent(), fu.dir()) == null) {
                    include(m, inner, fu.targetNamespace(), new HashSet<>());
                    inFluxUnits.addAll(m.kustomizations);
                }
            }
        }
        Set<Path> referenced = new HashSet<>();
        for (Kustomization k : kustomizations.values()) {
            for (Kustomization.Ref r : k.refs()) {
                if (r.target() != null && kustomizations.containsKey(r.target()) && !r.target().equals(k.dir())) {
                    referenced.add(r.target());
                }
            }
        }
        for (Kustomization k : kustomizations.values()) {
            if (!referenced.contains(k.dir()) && !inFluxUnits.contains(k)) {
                String name = display(k.dir());
                Members m = units.computeIfAbsent(name, n -> new Members(n, "kustomization " + k.file()));
                include(m, k, null, new HashSet<>());
            }
        }
        // manifests no kustomization lists: linked with the unit of the nearest kustomization above them
        Set<Path> generated = new HashSet<>();
        units.values().forEach(m -> generated.addAll(m.fluxGenerated));
        Set<KubeObject> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        units.values().forEach(m -> m.objects.keySet().forEach(placed::add));
        for (Map.Entry<Path, List<KubeObject>> e : objectsByFile.entrySet()) {
            Path file = e.getKey();
            if (listed.contains(file) || generated.contains(file)) {
                continue;
            }
            Kustomization near = nearestKustomization(file.getParent(), null);
            if (near == null) {
                continue;
            }
            findings.add(Finding.onFile(KUSTOMIZE_UNLISTED, Severity.WARNING, "no kustomization lists this file, so "
                    + "it is never deployed; add it to the resources of " + near.file() + " or delete it",
                    files.get(file).displayName(), io.kgate.model.Pos.START));
            for (Members m : units.values()) {
                if (m.kustomizations.contains(near)) {
                    m.add(e.getValue(), m.namespaceOf.get(near));
                    m.unlisted.addAll(e.getValue());
                }
            }
        }
        units.values().forEach(m -> m.objects.keySet().forEach(placed::add));

        // declared units take their paths' objects away from the detected ones
        List<Members> result = new ArrayList<>();
        Set<KubeObject> claimed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (UnitOptions.Declared d : options.declared()) {
            Members m = new Members(d.name(), "declared in .kgate.yaml");
            for (KubeObject o : objects) {
                Path p = fileOf.get(o);
                if (p != null && d.paths().stream().anyMatch(p::startsWith)) {
                    m.objects.put(o, namespaceFromUnits(o, units.values()));
                    claimed.add(o);
                }
            }
            result.add(m);
        }
        for (Members m : units.values()) {
            m.objects.keySet().removeIf(claimed::contains);
            if (!m.objects.isEmpty()) {
                result.add(m);
            }
        }
        List<KubeObject> rest = objects.stream().filter(o -> !placed.contains(o) && !claimed.contains(o)).toList();
        Substitution.Result substituted = Substitution.apply(result, objects);
        findings.addAll(substituted.findings());
        List<Unit> out = new ArrayList<>();
        Map<KubeObject, Integer> order = new IdentityHashMap<>();
        for (KubeObject o : objects) {
            order.put(o, order.size());
        }
        for (Members m : result) {
            List<KubeObject> own = new ArrayList<>();
            m.objects.entrySet().stream().sorted(java.util.Comparator.comparing(
                    e -> order.getOrDefault(e.getKey(), 0) + (m.unlisted.contains(e.getKey()) ? objects.size() : 0)))
                    .forEach(e -> own.add(withNamespace(substituted.replaced().getOrDefault(e.getKey(), e.getKey()),
                            e.getValue())));
            out.add(new Unit(m.name, m.origin, own, List.of()));
        }
        out.addAll(byTarget(rest, substituted.replaced()));
        List<KubeObject> finalObjects = objects.stream().map(o -> substituted.replaced().getOrDefault(o, o)).toList();
        LoadResult next = new LoadResult(load.files(), load.documents(), finalObjects, load.findings(),
                withoutKustomizations(skipped));
        return new Result(next, shareClusterWide(out), List.copyOf(findings), substituted.unknowns(),
                substituted.replaced());
    }

    /** Objects of the units, collected before they become {@link Unit}s. */
    static final class Members {
        final String name;
        final String origin;
        /** Each object with the namespace it gets (null: its own). */
        final Map<KubeObject, String> objects = new LinkedHashMap<>();
        final Set<Kustomization> kustomizations = new LinkedHashSet<>();
        final Map<Kustomization, String> namespaceOf = new HashMap<>();
        final Set<Path> fluxGenerated = new HashSet<>();
        /** Objects no kustomization lists: after the listed ones, so a duplicate is reported in the stray copy. */
        final Set<KubeObject> unlisted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Substitution.Vars substitution;

        Members(String name, String origin) {
            this.name = name;
            this.origin = origin;
        }

        void add(List<KubeObject> os, String namespace) {
            os.forEach(o -> objects.putIfAbsent(o, namespace));
        }
    }

    /** Adds a kustomization and everything it includes; the outermost namespace: wins, as in kustomize. */
    private void include(Members m, Kustomization k, String outerNamespace, Set<Kustomization> path) {
        if (!path.add(k)) {
            return; // a cycle: kustomize rejects it, the reference check does not loop
        }
        String ns = outerNamespace != null ? outerNamespace : k.namespace();
        m.kustomizations.add(k);
        m.namespaceOf.putIfAbsent(k, ns);
        for (Kustomization.Ref r : k.refs()) {
            if (r.target() == null || r.use() == Kustomization.Use.INPUT && !Files.isDirectory(r.target())) {
                continue;
            }
            Kustomization inner = kustomizations.get(r.target());
            if (inner != null) {
                include(m, inner, ns, path);
            } else if (objectsByFile.containsKey(r.target())) {
                m.add(objectsByFile.get(r.target()), ns);
            }
        }
        path.remove(k);
    }

    /** kustomize-resource: every local reference names something that exists. */
    private void checkRefs(Kustomization k) {
        for (Kustomization.Ref r : k.refs()) {
            Path t = r.target();
            if (t == null || !Files.exists(t)) {
                findings.add(Finding.onFile(KUSTOMIZE_RESOURCE, Severity.ERROR, r.field() + " entry " + r.value()
                        + " does not exist (" + display(t == null ? k.dir() : t) + ")", k.file(), r.pos()));
                continue;
            }
            listed.add(t);
            if (Files.isDirectory(t)) {
                Path kf = Kustomization.fileIn(t);
                if (kf == null && r.use() != Kustomization.Use.INPUT) {
                    findings.add(Finding.onFile(KUSTOMIZE_RESOURCE, Severity.ERROR, r.field() + " entry " + r.value()
                            + " is a directory without a kustomization.yaml; kustomize needs one there", k.file(),
                            r.pos()));
                } else if (kf != null) {
                    listed.add(kf.toAbsolutePath().normalize());
                }
            } else if (r.use() == Kustomization.Use.INPUT) {
                inputs.putIfAbsent(t, "kustomize input (" + r.field() + " of " + k.file() + "), not a cluster object");
            } else if (r.use() == Kustomization.Use.COMPONENT) {
                findings.add(Finding.onFile(KUSTOMIZE_RESOURCE, Severity.ERROR, "components entry " + r.value()
                        + " is a file; a component is a directory with a kustomization.yaml of kind Component",
                        k.file(), r.pos()));
            }
        }
    }

    /** The kustomization in {@code dir} or the nearest directory above it (not above {@code stop}). */
    private Kustomization nearestKustomization(Path dir, Path stop) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Kustomization k = kustomizations.get(d);
            if (k != null) {
                return k;
            }
            if (d.equals(stop)) {
                return null;
            }
        }
        return null;
    }

    private static String namespaceFromUnits(KubeObject o, java.util.Collection<Members> units) {
        for (Members m : units) {
            if (m.objects.containsKey(o)) {
                return m.objects.get(o);
            }
        }
        return null;
    }

    /** Files outside every kustomization: one unit per directory given, the files given alone in one more. */
    private List<Unit> byTarget(List<KubeObject> rest, Map<KubeObject, KubeObject> replaced) {
        if (rest.isEmpty()) {
            return List.of();
        }
        Map<String, List<KubeObject>> groups = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String t : options.targets()) {
            Path p = pathOf(t);
            if (p != null && Files.isDirectory(p)) {
                dirs.add(p);
                names.add(t);
            }
        }
        for (KubeObject o : rest) {
            Path p = dirs.isEmpty() ? null : fileOf.containsKey(o) ? fileOf.get(o) : pathOfFile(o.file());
            String group = "files given";
            for (int i = 0; p != null && i < dirs.size(); i++) {
                if (p.startsWith(dirs.get(i))) {
                    group = names.get(i);
                    break;
                }
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(replaced.getOrDefault(o, o));
        }
        List<Unit> out = new ArrayList<>();
        groups.forEach((name, os) -> out.add(new Unit(name, name.equals("files given") ? "files given on the command line"
                : "directory given on the command line", os, List.of())));
        return out;
    }

    /** Every unit sees the cluster-wide objects of the others. */
    private static List<Unit> shareClusterWide(List<Unit> units) {
        if (units.size() < 2) {
            return units;
        }
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            Set<String> own = new HashSet<>();
            u.objects().forEach(o -> own.add(o.file().displayName() + "\u0000" + o.documentIndex() + "\u0000"
                    + o.listIndex()));
            List<KubeObject> shared = new ArrayList<>();
            Set<String> seen = new HashSet<>(own);
            for (Unit other : units) {
                for (KubeObject o : other.objects()) {
                    if (o.kind() != null && CLUSTER_WIDE.contains(o.kind()) && seen.add(o.file().displayName() + "\u0000"
                            + o.documentIndex() + "\u0000" + o.listIndex())) {
                        shared.add(o);
                    }
                }
            }
            out.add(new Unit(u.name(), u.origin(), u.objects(), shared));
        }
        return out;
    }

    /** The object as kustomize applies it: in {@code namespace} unless it is cluster-scoped. */
    private static KubeObject withNamespace(KubeObject o, String namespace) {
        if (namespace == null || o.kind() == null || CLUSTER_SCOPED.contains(o.kind()) || namespace.equals(o.namespace())) {
            return o;
        }
        ObjectRef r = o.ref();
        return o.withRef(new ObjectRef(r.apiVersion(), r.kind(), namespace, r.name()));
    }

    /** The loader's skipped list without the kustomization files, which are now read. */
    private List<Skipped> withoutKustomizations(List<Skipped> added) {
        Set<String> read = new HashSet<>();
        kustomizations.values().forEach(k -> read.add(k.file()));
        List<Skipped> out = new ArrayList<>();
        load.skipped().stream().filter(s -> !read.contains(s.file())).forEach(out::add);
        out.addAll(added);
        return out;
    }

    /** The result when there is nothing to split by: the objects grouped by the targets given. */
    private Result withoutUnits() {
        return new Result(load, byTarget(load.objects(), Map.of()), List.of(), Substitution.Unknowns.NONE, Map.of());
    }

    /** Whether a file read is named like a kustomization (by its name as given: no path made). */
    private boolean anyKustomizationFile() {
        for (SourceFile f : load.files()) {
            String name = f.displayName();
            if (name != null && Kustomization.isKustomizationName(name.substring(name.lastIndexOf('/') + 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #pathOf} of the file's name, made once per file: a large tree holds several objects per file. */
    private Path pathOfFile(SourceFile f) {
        if (pathOfFile.containsKey(f)) {
            return pathOfFile.get(f);
        }
        Path p = pathOf(f.displayName());
        pathOfFile.put(f, p);
        return p;
    }

    static Path pathOf(String display) {
        if (display == null || display.equals("-")) {
            return null;
        }
        try {
            return Path.of(display).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A directory as reports show it: relative to the working directory when below it. */
    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (p.startsWith(cwd)) {
            String rel = cwd.relativize(p).toString();
            return rel.isEmpty() ? "." : rel;
        }
        return p.toString();
    }

    static boolean isMap(Object n) {
        return n instanceof MapNode;
    }
}
