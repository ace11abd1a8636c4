package io.kgate.unit;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.model.KubeObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.ObjectGraph;
import io.kgate.model.SeqNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flux objects of the tree: the paths Flux Kustomizations deploy (each a unit) and {@code flux-reference},
 * references from Kustomizations, HelmReleases and image automation to objects the tree does not hold.
 */
final class Flux {
    static final String FLUX_REFERENCE = "flux-reference";
    private static final String KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io/";
    private static final Set<String> SOURCE_KINDS = Set.of("GitRepository", "OCIRepository", "Bucket", "HelmRepository",
            "HelmChart", "ExternalArtifact");
    /** The GitRepository flux bootstrap creates for the repository it lives in. */
    private static final String BOOTSTRAP_SOURCE = "flux-system";

    /** A Flux Kustomization's spec.path inside the tree: a unit. */
    record PathUnit(String name, String origin, Path dir, String targetNamespace, Substitution.Vars substitution) {
    }

    private final List<KubeObject> objects;
    private final Map<KubeObject, Path> fileOf;
    private final List<Path> targetDirs = new ArrayList<>();
    private final List<PathUnit> pathUnits = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    Flux(List<KubeObject> objects, Map<KubeObject, Path> fileOf, List<String> targets, Set<Path> kustomizationDirs) {
        this.objects = objects;
        this.fileOf = fileOf;
        for (String t : targets) {
            Path p = UnitDetector.pathOf(t);
            if (p != null && Files.isDirectory(p)) {
                targetDirs.add(p);
            }
        }
        boolean sources = objects.stream().anyMatch(o -> isFlux(o, "source.toolkit.fluxcd.io/")
                && o.kind() != null && SOURCE_KINDS.contains(o.kind()));
        boolean imageRepositories = objects.stream().anyMatch(o -> isFlux(o, "image.toolkit.fluxcd.io/")
                && "ImageRepository".equals(o.kind()));
        for (KubeObject o : objects) {
            if (isKustomization(o)) {
                kustomization(o, sources);
            } else if (isFlux(o, "helm.toolkit.fluxcd.io/") && "HelmRelease".equals(o.kind())) {
                if (sources) {
                    ref(o, "/spec/chart/spec/sourceRef", null);
                    ref(o, "/spec/chartRef", null);
                }
                dependsOn(o, "HelmRelease");
            } else if (isFlux(o, "image.toolkit.fluxcd.io/") && "ImagePolicy".equals(o.kind()) && imageRepositories) {
                ref(o, "/spec/imageRepositoryRef", "ImageRepository");
            } else if (isFlux(o, "image.toolkit.fluxcd.io/") && "ImageUpdateAutomation".equals(o.kind()) && sources) {
                ref(o, "/spec/sourceRef", "GitRepository");
            }
        }
    }

    static boolean anyKustomization(List<KubeObject> objects) {
        return objects.stream().anyMatch(Flux::isKustomization);
    }

    static boolean isKustomization(KubeObject o) {
        return isFlux(o, KUSTOMIZE_GROUP) && "Kustomization".equals(o.kind());
    }

    private static boolean isFlux(KubeObject o, String groupPrefix) {
        return o.apiVersion() != null && o.apiVersion().startsWith(groupPrefix);
    }

    List<PathUnit> pathUnits() {
        return pathUnits;
    }

    List<Finding> findings() {
        return findings;
    }

    private void kustomization(KubeObject k, boolean sources) {
        if (sources) {
            ref(k, "/spec/sourceRef", null);
        }
        dependsOn(k, "Kustomization");
        Node pathNode = k.at("/spec/path");
        String path = pathNode == null ? "" : pathNode.text();
        if (path == null || !sameRepository(k)) {
            return; // not a path in this repository (another source), or not a string (schema reports it)
        }
        Path file = fileOf.get(k);
        if (file == null) {
            return; // standard input: no repository to resolve the path in
        }
        String rel = path.strip().replaceFirst("^\\./", "").replaceFirst("^/+", "");
        List<Path> bases = bases(file);
        for (Path base : bases) {
            Path dir = base.resolve(rel).normalize();
            if (Files.isDirectory(dir)) {
                MapNode spec = k.root().map("spec");
                String targetNs = spec == null ? null : spec.string("targetNamespace");
                pathUnits.add(new PathUnit(UnitDetector.display(dir), "Flux Kustomization " + (k.namespace() == null ? "" : k.namespace() + "/") + k.name() + " ("
                        + k.file().displayName() + ")", dir, targetNs,
                        spec != null && spec.get("postBuild") instanceof MapNode pb ? Substitution.Vars.of(k, pb, objects)
                                : null));
                return;
            }
        }
        findings.add(Finding.at(FLUX_REFERENCE, Severity.ERROR, k, "/spec/path", "spec.path " + path
                + " does not exist in the repository (looked in " + String.join(", ",
                        bases.stream().map(UnitDetector::display).toList()) + ")"));
    }

    /**
     * True when spec.path is a path of this repository: the source is a GitRepository and it is the one
     * flux bootstrap made (flux-system), or one the tree does not define, or one with the same URL.
     */
    private boolean sameRepository(KubeObject k) {
        Node ref = k.at("/spec/sourceRef");
        String kind = ref instanceof MapNode m ? m.string("kind") : null;
        String name = ref instanceof MapNode m ? m.string("name") : null;
        if (kind != null && !kind.equals("GitRepository")) {
            return false;
        }
        if (name == null || name.equals(BOOTSTRAP_SOURCE)) {
            return true;
        }
        String bootstrapUrl = null;
        String url = null;
        boolean defined = false;
        for (KubeObject o : objects) {
            if (isFlux(o, "source.toolkit.fluxcd.io/") && "GitRepository".equals(o.kind())) {
                Node u = o.at("/spec/url");
                if (BOOTSTRAP_SOURCE.equals(o.name())) {
                    bootstrapUrl = u == null ? null : u.text();
                }
                if (name.equals(o.name())) {
                    defined = true;
                    url = u == null ? null : u.text();
                }
            }
        }
        return !defined || (url != null && url.equals(bootstrapUrl));
    }

    /** Where spec.path may start: the directory given on the command line that holds the file, then its git top-level. */
    private List<Path> bases(Path file) {
        List<Path> out = new ArrayList<>();
        for (Path t : targetDirs) {
            if (file.startsWith(t)) {
                out.add(t);
                break;
            }
        }
        for (Path d = file.getParent(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                if (!out.contains(d)) {
                    out.add(d);
                }
                break;
            }
        }
        if (out.isEmpty()) {
            out.add(file.getParent());
        }
        return out;
    }

    private void dependsOn(KubeObject o, String kind) {
        if (o.at("/spec/dependsOn") instanceof SeqNode deps) {
            for (int i = 0; i < deps.size(); i++) {
                ref(o, "/spec/dependsOn/" + i, kind);
            }
        }
    }

    /** The object {@code pointer} names ({kind, name, namespace}) must be in the tree. */
    private void ref(KubeObject from, String pointer, String kind) {
        if (!(from.at(pointer) instanceof MapNode ref)) {
            return;
        }
        String k = kind != null ? kind : ref.string("kind");
        String name = ref.string("name");
        if (k == null || name == null) {
            return; // the schema reports missing fields
        }
        String ns = ref.string("namespace") != null ? ref.string("namespace") : from.namespace();
        for (KubeObject o : objects) {
            if (k.equals(o.kind()) && name.equals(o.name()) && ObjectGraph.sameNamespace(ns, o.namespace())
                    && o.apiVersion() != null && o.apiVersion().contains("toolkit.fluxcd.io/")) {
                return;
            }
        }
        String where = pointer.substring(1).replace('/', '.').replaceAll("\\.(\\d+)", "[$1]");
        findings.add(Finding.at(FLUX_REFERENCE, Severity.ERROR, from, pointer + "/name", where + " names " + k + " "
                + (ns == null ? name : ns + "/" + name) + ", which is not in the tree"));
    }
}
