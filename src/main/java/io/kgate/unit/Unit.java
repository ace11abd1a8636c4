package io.kgate.unit;

import io.kgate.model.KubeObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment unit: what is applied together (one kustomization root, one Flux Kustomization's
 * path, one directory given on the command line, or a unit declared in {@code .kgate.yaml}).
 * Cross-object checks link objects within a unit only.
 *
 * @param name    how reports name the unit (a directory, or the configured name)
 * @param origin  how it was found, for the audit ("kustomization k8s/kustomization.yaml", ...)
 * @param objects its own objects, in tree order, with the namespace kustomize or Flux gives them
 * @param shared  cluster-wide objects of other units (CRDs, Namespaces, admission policies):
 *                visible to lookups, but not this unit's definitions
 */
public record Unit(String name, String origin, List<KubeObject> objects, List<KubeObject> shared) {
    public Unit {
        objects = List.copyOf(objects);
        shared = List.copyOf(shared);
    }

    /**
     * How messages name what they looked in: "the tree" when the run has this one unit, else the unit
     * ("unit k8s", "the files given").
     */
    public String scope(int unitsInRun) {
        if (unitsInRun <= 1) {
            return "the tree";
        }
        return origin.startsWith("files given") ? "the files given" : "unit " + name;
    }

    /** Its own objects followed by the shared ones: what rules link. */
    public List<KubeObject> linked() {
        if (shared.isEmpty()) {
            return objects;
        }
        List<KubeObject> all = new ArrayList<>(objects);
        all.addAll(shared);
        return all;
    }
}
