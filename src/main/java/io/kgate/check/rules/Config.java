package io.kgate.check.rules;

import io.kgate.load.IgnorePattern;
import io.kgate.load.YamlText;
import io.kgate.model.ExternalObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import io.kgate.model.SeqNode;
import io.kgate.unit.UnitOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A user's {@code .kgate.yaml}: which profile to use and per-rule changes.
 *
 * <pre>
 * minVersion: 0.2.0        # older kgate versions stop with exit 2
 * profile: pi-4gb          # or none
 * external:                # objects created outside the tree (KIND/NAME, KIND/NAMESPACE/NAME, * globs)
 *   - Secret/grafana-admin
 * units:                   # deployment units, when detection does not fit the layout
 *   - name: production
 *     paths: [k8s, flux/apps]
 * exclude: [vendor/**]     # gitignore-style patterns, relative to this file's directory
 * schemas: .kgate/schemas  # like --schemas, relative to this file's directory
 * rules:
 *   resource-budget:
 *     severity: warning
 *     params: {maxMemoryLimit: 256Mi}
 *   image-tag:
 *     enabled: false
 * </pre>
 */
public record Config(String file, String profile, Pos profilePos, Overrides overrides,
        List<ExternalObject> external, List<UnitOptions.Declared> units, List<String> exclude, Path schemas) {
    public static final String FILE_NAME = ".kgate.yaml";
    public static final String DEFAULT_PROFILE = "pi-4gb";
    public static final Config DEFAULT = new Config(null, DEFAULT_PROFILE, null, Overrides.NONE, List.of(), List.of(),
            List.of(), null);

    private static final Set<String> KEYS = Set.of("profile", "rules", "external", "minVersion", "units", "exclude",
            "schemas");

    /** The nearest {@code .kgate.yaml} in {@code dir} or a directory above it, or null. */
    public static Path find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path f = d.resolve(FILE_NAME);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    public static Config load(Path file) throws RuleError {
        String shown = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleError(shown, null, "cannot read config file: " + e.getMessage());
        }
        return parse(shown, text);
    }

    /**
     * {@code minVersion:}: language: system pre-commit hooks run whatever kgate is installed, so a
     * repository can demand the version its config and rules need.
     */
    static void requireVersion(String shown, Node min, String running) throws RuleError {
        if (min == null) {
            return;
        }
        if (!KgateVersion.valid(min.text())) {
            throw new RuleError(shown, min.pos(), "minVersion must be a version such as 0.2.0, not '" + min.text() + "'");
        }
        if (KgateVersion.valid(running) && KgateVersion.compare(running, min.text()) < 0) {
            throw new RuleError(shown, min.pos(), "this repository needs kgate " + min.text().strip()
                    + " or newer (minVersion), and this is kgate " + running + ": install a newer kgate");
        }
    }

    static Config parse(String shown, String text) throws RuleError {
        Node root;
        try {
            root = YamlText.parse(text);
        } catch (YamlText.Invalid e) {
            throw new RuleError(shown, e.pos(), e.getMessage());
        }
        if (root == null) {
            return new Config(shown, DEFAULT_PROFILE, null, Overrides.NONE, List.of(), List.of(), List.of(), null);
        }
        MapNode m = root.asMap();
        if (m == null) {
            throw new RuleError(shown, root.pos(), "a kgate config is a mapping with profile and rules");
        }
        for (MapNode.Entry e : m.entries()) {
            if (!KEYS.contains(e.key())) {
                throw new RuleError(shown, e.keyPos(), "unknown key '" + e.key()
                        + "' (allowed: profile, rules, external, minVersion, units, exclude, schemas)");
            }
        }
        requireVersion(shown, m.get("minVersion"), KgateVersion.running());
        String profile = DEFAULT_PROFILE;
        Pos profilePos = null;
        Node p = m.get("profile");
        if (p != null) {
            if (p.text() == null) {
                throw new RuleError(shown, p.pos(), "profile must be a profile name or none");
            }
            profile = p.text();
            profilePos = p.pos();
        }
        Path dir = Path.of(shown).toAbsolutePath().normalize().getParent();
        return new Config(shown, profile, profilePos, Overrides.parse(shown, m.get("rules")),
                external(shown, m.get("external")), units(shown, dir, m.get("units")),
                exclude(shown, dir, m.get("exclude")), schemas(shown, dir, m.get("schemas")));
    }

    /** {@code exclude:} gitignore-style patterns; one that is not a pattern is an error at its line. */
    private static List<String> exclude(String shown, Path dir, Node n) throws RuleError {
        List<String> patterns = strings(shown, n, "exclude");
        for (int i = 0; i < patterns.size(); i++) {
            Pos pos = n.asSeq().items().get(i).pos();
            try {
                if (IgnorePattern.parse(patterns.get(i), dir, "exclude:") == null) {
                    throw new RuleError(shown, pos, "exclude pattern '" + patterns.get(i) + "' is a # comment");
                }
            } catch (IllegalArgumentException e) {
                throw new RuleError(shown, pos, "exclude pattern '" + patterns.get(i) + "': " + e.getMessage());
            }
        }
        return patterns;
    }

    /** The directory of the config file: {@code exclude:}, {@code units:} and {@code schemas:} are relative to it. */
    public Path dir() {
        return file == null ? null : Path.of(file).toAbsolutePath().normalize().getParent();
    }

    /** {@code schemas:} a directory pulled with kgate schemas pull, like --schemas. */
    private static Path schemas(String shown, Path dir, Node n) throws RuleError {
        if (n == null || (n.asScalar() != null && n.asScalar().isNull())) {
            return null;
        }
        if (n.text() == null || n.text().isBlank()) {
            throw new RuleError(shown, n.pos(), "schemas must be a directory (pulled with kgate schemas pull), not "
                    + n.typeName());
        }
        try {
            return dir.resolve(n.text()).normalize();
        } catch (InvalidPathException e) {
            throw new RuleError(shown, n.pos(), "not a path: " + n.text());
        }
    }

    /** {@code external:} a list of KIND/NAME or KIND/NAMESPACE/NAME patterns. */
    private static List<ExternalObject> external(String shown, Node n) throws RuleError {
        if (n == null || (n.asScalar() != null && n.asScalar().isNull())) {
            return List.of();
        }
        if (n.asSeq() == null) {
            throw new RuleError(shown, n.pos(), "external must be a list of KIND/NAME or KIND/NAMESPACE/NAME patterns"
                    + " (like Secret/grafana-admin), not " + n.typeName());
        }
        List<ExternalObject> out = new ArrayList<>();
        for (Node item : n.asSeq().items()) {
            if (item.text() == null) {
                throw new RuleError(shown, item.pos(), "an external pattern is text like Secret/grafana-admin, not "
                        + item.typeName());
            }
            try {
                out.add(ExternalObject.parse(item.text()));
            } catch (IllegalArgumentException e) {
                throw new RuleError(shown, item.pos(), e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** {@code units:} a list of {name, paths}; paths are relative to the config file's directory. */
    private static List<UnitOptions.Declared> units(String shown, Path dir, Node n) throws RuleError {
        if (n == null) {
            return List.of();
        }
        SeqNode list = n.asSeq();
        if (list == null) {
            throw new RuleError(shown, n.pos(), "units must be a list of units, each with name and paths");
        }
        List<UnitOptions.Declared> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : list.items()) {
            MapNode u = item.asMap();
            if (u == null) {
                throw new RuleError(shown, item.pos(), "a unit is a mapping with name and paths");
            }
            for (MapNode.Entry e : u.entries()) {
                if (!e.key().equals("name") && !e.key().equals("paths")) {
                    throw new RuleError(shown, e.keyPos(), "unknown key '" + e.key() + "' in unit (allowed: name, paths)");
                }
            }
            String name = u.string("name");
            if (name == null || name.isBlank()) {
                throw new RuleError(shown, u.pos(), "a unit needs a name");
            }
            if (!names.add(name)) {
                throw new RuleError(shown, u.get("name").pos(), "unit " + name + " is declared twice");
            }
            List<String> paths = strings(shown, u.get("paths"), "paths");
            if (paths.isEmpty()) {
                throw new RuleError(shown, u.pos(), "unit " + name + " needs paths (directories or files)");
            }
            List<Path> resolved = new ArrayList<>();
            for (String p : paths) {
                try {
                    resolved.add(dir.resolve(p).normalize());
                } catch (InvalidPathException e) {
                    throw new RuleError(shown, u.get("paths").pos(), "not a path: " + p);
                }
            }
            out.add(new UnitOptions.Declared(name, resolved));
        }
        return List.copyOf(out);
    }

    private static List<String> strings(String shown, Node n, String key) throws RuleError {
        if (n == null || (n.asScalar() != null && n.asScalar().isNull())) {
            return List.of();
        }
        SeqNode list = n.asSeq();
        if (list == null) {
            throw new RuleError(shown, n.pos(), key + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item.text() == null || item.text().isBlank()) {
                throw new RuleError(shown, item.pos(), key + " must be a list of strings, not " + item.typeName());
            }
            out.add(item.text());
        }
        return List.copyOf(out);
    }
}
