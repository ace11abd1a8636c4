package io.kgate.check.rules;

import io.kgate.finding.Severity;
import io.kgate.check.rules.build.RuleBundler;
import io.kgate.load.YamlText;
import io.kgate.model.MapNode;
import io.kgate.model.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads rule files and profiles: the built-in ones embedded at build time under {@code kgate/rules/}
 * (listed in {@code kgate/rules/index.txt}, no classpath scanning), and the user's from {@code --rules DIR}.
 */
public final class RuleFiles {
    static final String RESOURCE_DIR = "kgate/rules/";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RULE_KEYS = Set.of("id", "template", "severity", "summary", "description",
            "why", "remediation", "params", "examples");

    /** Everything found in one source of rule files. */
    public record Contents(List<RuleDef> rules, Map<String, Profile> profiles) {
    }

    /**
     * The rule files shipped inside kgate, parsed when first used. The native build initializes this
     * class while it builds ({@code --initialize-at-build-time} in application.properties): the
     * executable holds them parsed, as it holds the API lifecycle table.
     */
    private static final class Embedded {
        static final Contents CONTENTS = parse();

        private static Contents parse() {
            try {
                return readEmbedded();
            } catch (RuleError e) {
                throw new IllegalStateException("built-in rule file is invalid: " + e.getMessage(), e);
            }
        }
    }

    private RuleFiles() {
    }

    /** The rule files shipped inside kgate (parsed once). */
    public static Contents embedded() {
        return Embedded.CONTENTS;
    }

    private static Contents readEmbedded() throws RuleError {
        // one resource for all rule files (RuleBundler): the native binary pays per resource it looks up
        String bundle = resource("bundle.txt");
        if (bundle == null) {
            throw new IllegalStateException(RESOURCE_DIR + "bundle.txt is missing from the build (see pom.xml, bundle-rules)");
        }
        List<Source> sources = new ArrayList<>();
        for (String[] file : RuleBundler.read(bundle)) {
            sources.add(new Source("rules/" + file[0], file[1]));
        }
        return parseAll(sources);
    }

    /** The rule files the build embedded, name (relative to rules/) to text, for the test that they are current. */
    public static List<String[]> embeddedFiles() {
        return RuleBundler.read(resource("bundle.txt"));
    }

    private static String resource(String name) {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE_DIR + name, e);
        }
    }

    /** Every {@code .yaml}/{@code .yml} file under {@code dir}, in sorted order. */
    public static Contents readDirectory(Path dir) throws RuleError {
        if (!Files.isDirectory(dir)) {
            throw new RuleError(dir.toString(), null, "--rules needs a directory of rule files");
        }
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                sources.add(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new RuleError(dir.toString(), null, "cannot read rule files: " + e.getMessage());
        }
        return parseAll(sources);
    }

    private record Source(String file, String text) {
    }

    private static Contents parseAll(List<Source> sources) throws RuleError {
        List<RuleDef> rules = new ArrayList<>();
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Source s : sources) {
            MapNode root = root(s.file, s.text);
            if (root.has("profile")) {
                Profile p = profile(s.file, root);
                if (profiles.putIfAbsent(p.name(), p) != null) {
                    throw new RuleError(s.file, root.entry("profile").keyPos(), "profile " + p.name() + " is defined twice");
                }
            } else {
                rules.add(rule(s.file, root));
            }
        }
        return new Contents(List.copyOf(rules), profiles);
    }

    private static MapNode root(String file, String text) throws RuleError {
        Node root;
        try {
            root = YamlText.parse(text);
        } catch (YamlText.Invalid e) {
            throw new RuleError(file, e.pos(), e.getMessage());
        }
        if (root == null || root.asMap() == null) {
            throw new RuleError(file, root == null ? null : root.pos(),
                    "a rule file is a mapping with id, template, severity, summary, description, remediation");
        }
        return root.asMap();
    }

    private static RuleDef rule(String file, MapNode m) throws RuleError {
        for (MapNode.Entry e : m.entries()) {
            if (!RULE_KEYS.contains(e.key())) {
                throw new RuleError(file, e.keyPos(), "unknown key '" + e.key() + "' in rule file (allowed: "
                        + String.join(", ", RULE_KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = required(file, m, "id");
        if (!ID.matcher(id).matches()) {
            throw new RuleError(file, m.get("id").pos(), "rule id '" + id
                    + "' must be lower-case words joined by '-' (like service-endpoints)");
        }
        String template = required(file, m, "template");
        if (!template.equals(RuleDef.BUILTIN) && Templates.byName(template) == null) {
            throw new RuleError(file, m.get("template").pos(), "unknown template '" + template + "' (templates: "
                    + String.join(", ", Templates.names()) + ")");
        }
        String sevText = required(file, m, "severity");
        Severity severity = Severity.parse(sevText);
        if (severity == null) {
            throw new RuleError(file, m.get("severity").pos(), "severity must be error, warning or info, not '"
                    + sevText + "'");
        }
        Node params = m.get("params");
        if (params != null && params.asMap() == null && !(params.asScalar() != null && params.asScalar().isNull())) {
            throw new RuleError(file, params.pos(), "params must be a mapping of parameter name to value");
        }
        String fail = null;
        String pass = null;
        Node ex = m.get("examples");
        if (ex != null) {
            MapNode exm = ex.asMap();
            if (exm == null) {
                throw new RuleError(file, ex.pos(), "examples must be a mapping with fail and pass");
            }
            for (MapNode.Entry e : exm.entries()) {
                if (!e.key().equals("fail") && !e.key().equals("pass")) {
                    throw new RuleError(file, e.keyPos(), "unknown example '" + e.key() + "' (allowed: fail, pass)");
                }
            }
            fail = optional(file, exm, "fail");
            pass = optional(file, exm, "pass");
        }
        return new RuleDef(id, template, severity, required(file, m, "summary").strip(),
                required(file, m, "description").strip(), strip(optional(file, m, "why")),
                required(file, m, "remediation").strip(), params == null ? null : params.asMap(), fail, pass, file,
                m.entry("id").keyPos());
    }

    private static Profile profile(String file, MapNode m) throws RuleError {
        for (MapNode.Entry e : m.entries()) {
            if (!Set.of("profile", "description", "rules").contains(e.key())) {
                throw new RuleError(file, e.keyPos(), "unknown key '" + e.key()
                        + "' in profile (allowed: profile, description, rules)");
            }
        }
        return new Profile(required(file, m, "profile"), strip(optional(file, m, "description")),
                Overrides.parse(file, m.get("rules")));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String required(String file, MapNode m, String key) throws RuleError {
        String v = optional(file, m, key);
        if (v == null || v.isBlank()) {
            throw new RuleError(file, m.pos(), "missing " + key);
        }
        return v;
    }

    private static String optional(String file, MapNode m, String key) throws RuleError {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n.text() == null) {
            throw new RuleError(file, n.pos(), key + " must be text, not " + n.typeName());
        }
        return n.text();
    }
}
