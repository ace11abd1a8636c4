package io.kgate.check.rules;

import io.kgate.check.Check;
import io.kgate.check.Linter;
import io.kgate.finding.RuleCatalog;
import io.kgate.finding.RuleDoc;
import io.kgate.finding.Severity;
import io.kgate.model.ExternalObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of one run: the built-in rule files, the user's ({@code --rules DIR}), with the profile
 * and {@code .kgate.yaml} applied. An immutable value built once per run: its {@link #catalog()}
 * is what checks, suppressions, {@code --only} and reports know about rules. Every reference to an
 * unknown rule, template or parameter is a {@link RuleError} naming file and line.
 */
public final class RuleSet {
    private final Map<String, Rule> rules;
    private final Profile profile;
    private final RuleCatalog catalog;
    /** Objects the config declares as created outside the tree. */
    private final List<ExternalObject> external;

    /** Deployment units the config declares (they beat the detected ones). */
    private final List<io.kgate.unit.UnitOptions.Declared> declaredUnits;
    /** The config the rules come from (its run settings: exclude, schemas). */
    private final Config config;

    private RuleSet(Map<String, Rule> rules, Profile profile, Config config) {
        this.rules = rules;
        this.profile = profile;
        this.config = config;
        this.external = config.external();
        this.declaredUnits = config.units();
        List<RuleCatalog.Entry> entries = new ArrayList<>();
        for (Rule r : rules.values()) {
            RuleDef d = r.def();
            entries.add(new RuleCatalog.Entry(new RuleDoc(d.id(), d.severity(), d.summary(), d.description(),
                    d.remediation()), r.severity(), r.enabled()));
        }
        this.catalog = new RuleCatalog(entries);
    }

    /**
     * The built-in rules with no configuration and no rule directory: the rules of most runs. The native
     * executable is built with this class initialized (application.properties), so such a run does not bind
     * the rules' parameters again; a JVM builds it at first use.
     */
    private static final class Defaults {
        static final RuleSet SET = builtIn();

        private Defaults() {
        }
    }

    /** Built-in rules with the default profile and no config: one set, shared (a rule set does not change). */
    public static RuleSet defaults() {
        return Defaults.SET;
    }

    private static RuleSet builtIn() {
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
        Path cfg = configFile != null ? configFile : Config.find(workDir);
        if (ruleDirs.isEmpty() && cfg == null) {
            return Defaults.SET;
        }
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
        if (configFile != null && !java.nio.file.Files.isRegularFile(configFile)) {
            throw new RuleError(configFile.toString(), null, "config file not found");
        }
        Config config = cfg == null ? Config.DEFAULT : Config.load(cfg);
        return build(defs, profiles, config);
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
                    throw new RuleError(layer.file(), o.pos(), "unknown rule '" + o.id() + "' (see kgate rules)");
                }
            }
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (RuleDef d : byId.values()) {
            Template<?> t = d.builtin() ? null : Templates.byName(d.template());
            ParamValues values = new ParamValues(t == null ? List.of() : t.params().params());
            Object params = t == null ? null : bind(t, values, d.file(), d.pos(), d.id());
            Severity severity = d.severity();
            boolean enabled = true;
            if (d.params() != null) {
                values.apply(d.params(), d.file(), d.id(), d.template());
                params = bind(t, values, d.file(), d.params().pos(), d.id());
            }
            for (Overrides layer : layers) {
                Overrides.Override o = layer.rules().get(d.id());
                if (o == null) {
                    continue;
                }
                if (o.params() != null) {
                    values.apply(o.params(), layer.file(), d.id(), d.template());
                    params = bind(t, values, layer.file(), o.params().pos(), d.id());
                }
                if (o.severity() != null) {
                    severity = o.severity();
                }
                if (o.enabled() != null) {
                    enabled = o.enabled();
                }
            }
            rules.put(d.id(), new Rule(d, t, severity, enabled, params, values.values()));
        }
        return new RuleSet(rules, profile, config);
    }

    /** The template's parameter record for these values; what the record rejects names the layer that set it. */
    private static Object bind(Template<?> t, ParamValues values, String file, io.kgate.model.Pos pos, String id)
            throws RuleError {
        if (t == null) {
            return null;
        }
        try {
            return t.params().build(values);
        } catch (IllegalArgumentException e) {
            throw new RuleError(file, pos, "parameters of rule " + id + ": " + e.getMessage());
        }
    }

    /**
     * This set with rule {@code id} switched on or off and at {@code severity} (null: unchanged): a
     * command-line option that outranks the config (--missing-schemas).
     */
    public RuleSet with(String id, boolean enabled, Severity severity) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        Map<String, Rule> changed = new LinkedHashMap<>(rules);
        changed.put(id, new Rule(r.def(), r.template(), severity == null ? r.severity() : severity, enabled,
                r.params(), r.paramValues()));
        return new RuleSet(changed, profile, config);
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** What this run knows about every rule: docs, severities, which are enabled. */
    public RuleCatalog catalog() {
        return catalog;
    }

    /** The deployment units the config declares (they beat the detected ones). */
    public List<io.kgate.unit.UnitOptions.Declared> declaredUnits() {
        return declaredUnits;
    }

    /** The config file these rules were built with ({@link Config#DEFAULT} without one). */
    public Config config() {
        return config;
    }

    /**
     * The cluster the enabled rules assume (nodes × allocatable per node), from the first enabled rule
     * whose template describes one (resource-budget's); empty when none does.
     */
    public Optional<ClusterCapacity> clusterCapacity() {
        for (Rule r : rules.values()) {
            if (r.enabled() && !r.builtin()) {
                Optional<ClusterCapacity> c = capacity(r.template(), r.params());
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked") // the rule's params were built by its template's own ParamSchema
    private static <P> Optional<ClusterCapacity> capacity(Template<P> template, Object params) {
        return template.capacity((P) params);
    }

    /** The profile in effect, or null for {@code profile: none}. */
    public Profile profile() {
        return profile;
    }

    /**
     * A linter with {@code baseChecks} (the identity checks, schema checks, ...), every enabled
     * templated rule, and suppressions.
     */
    public Linter linter(List<Check> baseChecks) {
        return linter(baseChecks, id -> true);
    }

    /**
     * The same, running only the checks and rules whose ids {@code runs} accepts ({@code --only},
     * {@code --skip}); a check that does not say which rules it reports always runs.
     */
    public Linter linter(List<Check> baseChecks, Predicate<String> runs) {
        List<Check> selected = new ArrayList<>();
        for (Check c : baseChecks) {
            if (c.rules().isEmpty() || c.rules().stream().anyMatch(runs)) {
                selected.add(c);
            }
        }
        return linter(selected, rules.values().stream().filter(r -> r.enabled() && !r.builtin() && runs.test(r.id()))
                .toList(), runs);
    }

    /** A linter with {@code baseChecks} and, when rule {@code id} is templated, that rule alone (to run its examples). */
    public Linter linterFor(List<Check> baseChecks, String id) {
        Rule r = rules.get(id);
        return linter(baseChecks, r == null || r.builtin() ? List.of() : List.of(r), rule -> true);
    }

    private Linter linter(List<Check> baseChecks, List<Rule> templated, Predicate<String> runs) {
        List<Check> checks = new ArrayList<>(baseChecks);
        checks.add(new RuleEngine(templated, external));
        return new Linter(checks, List.of(new Suppressions(catalog, runs)), catalog);
    }
}
