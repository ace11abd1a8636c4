package io.kgate.unit;

import java.nio.file.Path;
import java.util.List;

/**
 * What unit detection needs besides the loaded tree.
 *
 * @param targets  the paths given on the command line (a unit per directory for files outside
 *                 every kustomization)
 * @param declared units from {@code .kgate.yaml}, which beat the detected ones
 */
public record UnitOptions(List<String> targets, List<Declared> declared) {
    public static final UnitOptions NONE = new UnitOptions(List.of(), List.of());

    public UnitOptions {
        targets = List.copyOf(targets);
        declared = List.copyOf(declared);
    }

    /** A unit written in the config: its name and the directories or files it covers (absolute). */
    public record Declared(String name, List<Path> paths) {
    }

    public UnitOptions withTargets(List<String> t) {
        return new UnitOptions(t, declared);
    }
}
