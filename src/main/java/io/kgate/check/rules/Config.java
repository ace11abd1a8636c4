package io.kgate.check.rules;

import io.kgate.load.YamlText;
import io.kgate.model.ExternalObject;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import io.kgate.model.Pos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * rules:
 *   resource-budget:
 *     severity: warning
 *     params: {maxMemoryLimit: 256Mi}
 *   image-tag:
 *     enabled: false
 * </pre>
 */
public record Config(String file, String profile, Pos profilePos, Overrides overrides,
        List<ExternalObject> external) {
    public static final String FILE_NAME = ".kgate.yaml";
    public static final String DEFAULT_PROFILE = "pi-4gb";
    public static final Config DEFAULT = new Config(null, DEFAULT_PROFILE, null, Overrides.NONE, List.of());

    private static final Set<String> KEYS = Set.of("profile", "rules", "external", "minVersion");

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
            return new Config(shown, DEFAULT_PROFILE, null, Overrides.NONE, List.of());
        }
        MapNode m = root.asMap();
        if (m == null) {
            throw new RuleError(shown, root.pos(), "a kgate config is a mapping with profile and rules");
        }
        for (MapNode.Entry e : m.entries()) {
            if (!KEYS.contains(e.key())) {
                throw new RuleError(shown, e.keyPos(), "unknown key '" + e.key()
                        + "' (allowed: profile, rules, external, minVersion)");
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
        return new Config(shown, profile, profilePos, Overrides.parse(shown, m.get("rules")),
                external(shown, m.get("external")));
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
}
