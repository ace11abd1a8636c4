package io.kgate.check.rules;

import io.kgate.check.Check;
import io.kgate.finding.Finding;
import io.kgate.check.Linter;
import io.kgate.check.RuleDoc;
import io.kgate.check.RuleDocs;
import io.kgate.finding.Severity;
import io.kgate.load.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one run: the built-in rule files, the user's ({@code --rules DIR}), with the profile
 * and {@code .kgate.yaml} applied. Every reference to an unknown rule, template or parameter is a
 * {@link RuleError} naming file and line.
 */
public final class RuleSet {
    /** Ids that user rule files (--rules) added to RuleDocs: not part of kgate's own reference. */
    private static final java.util.Set<String> USER_DOCS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<String, Rule> rules;
    private final Profile profile;

    private RuleSet(Map<String, Rule> rules, Profile profile) {
        this.rules = rules;
        this.profile = profile;
    }

    /** Built-in rules with the default profile and no config. */
    public static RuleSet defaults() {
        try {
            return build(RuleFiles.embedded().rules(), RuleFiles.embedded().profiles(), Config.DEFAULT);
        } catch (RuleError e) {
            throw new IllegalStateException("built-in rules are inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * The rules for a run: {@code configFile} when given, else the nearest {@code .kgate.yaml} from
     * {@code workDir} upwards; user rule directories add rules and profiles.
     */
    public static RuleSet load(List<Path> ruleDirs, Path configFile, Path workDir) throws RuleError {
        List<RuleDef> defs = new ArrayList<>(RuleFiles.embedded().rules());
        Map<String, Profile> profiles = new LinkedHashMap<>(RuleFiles.embedded().profiles());
        for (Path dir : ruleDirs) {
            RuleFiles.Contents c = RuleFiles.readDirectory(dir);
            defs.addAll(c.rules());
            for (Profile p : c.profiles().values()) {
                if (profiles.putIfAbsent(p.name(), p) != null) {
                    throw new RuleError(p.overrides().file(), null, "profile " + p.name() + " already exists");
                }
            }
        }
        Path cfg = configFile != null ? configFile : Config.find(workDir);
        if (configFile != null && !java.nio.file.Files.isRegularFile(configFile)) {
            throw new RuleError(configFile.toString(), null, "config file not found");
        }
        Config config = cfg == null ? Config.DEFAULT : Config.load(cfg);
        RuleSet set = build(defs, profiles, config);
        for (Rule r : set.rules.values()) {
            if (RuleDocs.find(r.id()).isEmpty()) {
                USER_DOCS.add(r.id());
                RuleDocs.register(doc(r.def()));
            }
        }
        return set;
    }

    /** True for ids that come from a user's rule file rather than from kgate itself. */
    public static boolean isUserRule(String id) {
        return USER_DOCS.contains(id);
    }

    static RuleDoc doc(RuleDef d) {
        return new RuleDoc(d.id(), d.severity(), d.summary(), d.description(), d.remediation());
    }

    static RuleSet build(List<RuleDef> defs, Map<String, Profile> profiles, Config config) throws RuleError {
        Profile profile = null;
        if (!config.profile().equals("none")) {
            profile = profiles.get(config.profile());
            if (profile == null) {
                throw new RuleError(config.file(), config.profilePos(), "unknown profile '" + config.profile()
                        + "' (profiles: " + String.join(", ", profiles.keySet()) + ", or none)");
            }
        }
        Map<String, RuleDef> byId = new LinkedHashMap<>();
        for (RuleDef d : defs) {
            RuleDef earlier = byId.putIfAbsent(d.id(), d);
            if (earlier != null) {
                throw new RuleError(d.file(), d.pos(), "rule " + d.id() + " is already defined in " + earlier.file());
            }
        }
        List<Overrides> layers = new ArrayList<>();
        if (profile != null) {
            layers.add(profile.overrides());
        }
        layers.add(config.overrides());
        for (Overrides layer : layers) {
            for (Overrides.Override o : layer.rules().values()) {
                if (!byId.containsKey(o.id())) {
                    Optional<RuleDoc> known = RuleDocs.find(o.id());
                    if (known.isEmpty()) {
                        throw new RuleError(layer.file(), o.pos(), "unknown rule '" + o.id() + "' (see kgate rules)");
                    }
                    // a rule another part of kgate documents in Java only: configurable like a built-in
                    RuleDoc k = known.get();
                    byId.put(k.id(), new RuleDef(k.id(), RuleDef.BUILTIN, k.severity(), k.shortDescription(),
                            k.description(), null, k.remediation(), null, null, null, null, null));
                }
            }
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (RuleDef d : byId.values()) {
            Template t = d.builtin() ? null : Templates.byName(d.template());
            Params params = new Params(t == null ? List.of() : t.params());
            Severity severity = d.severity();
            boolean changed = false;
            boolean enabled = true;
            if (d.params() != null) {
                params.apply(d.params(), d.file(), d.id(), d.template());
            }
            for (Overrides layer : layers) {
                Overrides.Override o = layer.rules().get(d.id());
                if (o == null) {
                    continue;
                }
                if (o.params() != null) {
                    params.apply(o.params(), layer.file(), d.id(), d.template());
                }
                if (o.severity() != null) {
                    severity = o.severity();
                    changed = true;
                }
                if (o.enabled() != null) {
                    enabled = o.enabled();
                }
            }
            rules.put(d.id(), new Rule(d, t, severity, enabled, params, changed));
        }
        return new RuleSet(rules, profile);
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The profile in effect, or null for {@code profile: none}. */
    public Profile profile() {
        return profile;
    }

    /** The check that runs every enabled templated rule over the object graph. */
    public Check engine() {
        return new RuleEngine(rules.values().stream().filter(r -> r.enabled() && r.template() != null).toList());
    }

    /**
     * A linter with {@code baseChecks} (the document checks, schema checks, ...), these rules,
     * suppressions, and the config's changes to every rule's findings.
     */
    public Linter linter(List<Check> baseChecks) {
        List<Check> checks = new ArrayList<>(baseChecks);
        checks.add(engine());
        Rule sup = rules.get(Suppressions.RULE);
        Suppressions suppressions = new Suppressions(sup == null || !sup.enabled() ? null : sup.severity());
        return new Linter(checks, List.of(suppressions, this::adjust));
    }

    /** A linter that runs only the document checks and rule {@code id} (to run a rule's examples). */
    Linter linterFor(String id) {
        List<Check> checks = new ArrayList<>(Linter.documentChecks());
        checks.add(new RuleEngine(List.of(rules.get(id))));
        return new Linter(checks, List.of());
    }

    /** Drops findings of disabled rules and applies configured severities to built-in rules' findings. */
    List<Finding> adjust(LoadResult load, List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Rule r = rules.get(f.rule());
            if (r == null) {
                out.add(f);
            } else if (r.enabled()) {
                out.add(r.severityChanged() && r.template() == null ? f.withSeverity(r.severity()) : f);
            }
        }
        return out;
    }
}
