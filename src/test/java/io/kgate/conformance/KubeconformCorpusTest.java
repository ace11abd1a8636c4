package io.kgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kgate.testing.KgateRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs the kubeconform acceptance corpus ({@code ../shared/corpora/kubeconform}: its fixtures and the
 * verdicts in EXPECTATIONS.derived.json) through kgate, mapping kubeconform's flags to kgate's, and
 * compares pass/fail. Skips when the corpus is absent. Every deliberate disagreement is listed below
 * with its reason; every test kgate cannot express is listed as not applicable with its reason.
 */
class KubeconformCorpusTest {
    static final Path CORPUS = Path.of("../shared/corpora/kubeconform");

    /** Tests whose subject is kubeconform's own CLI or remote schema registries: nothing to compare. */
    static final Map<String, String> NOT_APPLICABLE = Map.ofEntries(
            Map.entry("-h", "help output of kubeconform's CLI"),
            Map.entry("-xyz", "flag parsing of kubeconform's CLI"),
            Map.entry("-schema-location", "JSON-schema registries (remote or local JSON files); kgate embeds its schemas and takes CRDs with --crds"),
            Map.entry("-kubernetes-version 1.25", "kubeconform's version-format check (x.y.z); kgate's -k takes the embedded minors"),
            Map.entry("-skip", "kgate has no kind filter: it validates every object"),
            Map.entry("-reject", "kgate has no kind filter: it validates every object"),
            Map.entry("--ignore-filename-pattern", "kgate has no filename filter option"),
            Map.entry("-output", "kubeconform's TAP/JUnit formats"),
            Map.entry("HTTPS_PROXY", "network proxy behaviour; kgate never uses the network"),
            Map.entry("cache_does_not_exist", "kubeconform's schema cache option"),
            Map.entry("valid_large.yaml", "fixture not in the corpus snapshot (PROVENANCE.md)"),
            Map.entry("bash -c \"bin/kubeconform -summary\"", "no input at all: kubeconform reads standard input, kgate checks ./k8s or ."),
            Map.entry("bash -c \"bin/kubeconform -summary -\"", "empty standard input handling of kubeconform's CLI"));

    /** Applicable tests where kgate's verdict differs on purpose, with the reason. */
    static final Map<String, String> DELIBERATE = Map.of(
            "Pass when parsing a config with duplicate properties and strict NOT set",
            "duplicate keys are always a schema error in kgate: the API server's strict field validation rejects them "
                    + "and a YAML parser silently keeps one value",
            "Fail when parsing a valid Kubernetes config YAML file without network access",
            "kgate embeds its schemas: working offline is the point, so a valid file passes",
            "Fail when parsing a config that is missing a Kind",
            "the fixture is 'key: value', which kgate's loader treats as a non-Kubernetes YAML file (listed as "
                    + "skipped), not as a broken object");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STDIN = Pattern.compile("bash -c \"cat (\\S+) \\| bin/kubeconform(.*)\"");

    @Test
    void verdictsAgreeWithKubeconform() throws IOException {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("EXPECTATIONS.derived.json")),
                "kubeconform corpus absent: " + CORPUS.toAbsolutePath());
        JsonNode root = JSON.readTree(CORPUS.resolve("EXPECTATIONS.derived.json").toFile());
        int agree = 0;
        int applicable = 0;
        List<String> deliberate = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (JsonNode t : root.get("tests")) {
            String name = t.get("name").asString();
            String command = String.join(" ;; ", t.get("commands").valueStream().map(JsonNode::asString).toList());
            String why = notApplicable(command);
            if (why != null) {
                notApplicable.add(name + " (" + why + ")");
                continue;
            }
            applicable++;
            boolean expectPass = t.get("expected_exit_status").asInt() == 0;
            KgateRunner.Run run = run(command);
            boolean kgatePass = run.exitCode() == 0;
            if (kgatePass == expectPass) {
                agree++;
                assertTrue(!DELIBERATE.containsKey(name), "listed as a deliberate disagreement but agrees now: " + name);
            } else if (DELIBERATE.containsKey(name)) {
                deliberate.add(name + ": " + DELIBERATE.get(name));
            } else {
                unexpected.add(name + " [" + command + "] expected " + (expectPass ? "pass" : "fail") + ", kgate: "
                        + run);
            }
        }
        System.out.printf("kubeconform corpus: %d applicable tests, %d agree, %d deliberate disagreements, "
                + "%d not applicable%n", applicable, agree, deliberate.size(), notApplicable.size());
        deliberate.forEach(d -> System.out.println("  deliberate: " + d));
        notApplicable.forEach(d -> System.out.println("  not applicable: " + d));
        assertEquals(List.of(), unexpected, "unexplained disagreements with kubeconform");
        assertEquals(DELIBERATE.size(), deliberate.size(), "every recorded disagreement still happens");
    }

    private static String notApplicable(String command) {
        if (command.contains("./fixtures/registry/")) {
            return null; // a local registry made from a CRD: kgate takes that CRD with --crds
        }
        if (command.contains("-schema-location") && !command.contains("-cache") && command.replaceAll(
                "-schema-location (default|'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/\\{\\{ "
                        + "\\.NormalizedKubernetesVersion }}[^']*')", "").indexOf("-schema-location") < 0) {
            return null; // kubeconform's own Kubernetes schemas: what kgate embeds
        }
        List<String> tokens = List.of(command.split("\\s+"));
        for (Map.Entry<String, String> e : NOT_APPLICABLE.entrySet()) {
            String key = e.getKey();
            boolean hit = key.contains(" ") ? command.equals(key) || command.contains(key + " ")
                    : tokens.stream().anyMatch(t -> t.equals(key) || t.startsWith(key + "=")
                            || key.length() > 8 && t.contains(key));
            if (hit) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Translates one kubeconform command line to a kgate run. */
    /** The rules that make kgate a schema validator (what kubeconform is). */
    static final String SCHEMA_GATE =
            "yaml-syntax,file-read,object-identity,duplicate-object,schema,schema-unknown,removed-api,deprecated-api";

    private static KgateRunner.Run run(String command) {
        byte[] stdin = new byte[0];
        String cmd = command;
        Matcher m = STDIN.matcher(command);
        if (m.matches()) {
            try {
                stdin = Files.readAllBytes(CORPUS.resolve(m.group(1)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            cmd = "bin/kubeconform" + m.group(2) + (m.group(2).trim().endsWith("-") ? "" : " -");
        }
        // template placeholders hold spaces: one word each
        List<String> words = new ArrayList<>(List.of(cmd.replaceAll("\\{\\{[^}]*}}", "T").replace("'", "")
                .split("\\s+")));
        words.remove(0);
        List<String> args = new ArrayList<>();
        boolean strict = false;
        boolean ignoreMissing = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-summary", "-verbose" -> {
                }
                case "-strict" -> strict = true;
                case "-ignore-missing-schemas" -> ignoreMissing = true;
                // kgate validates with its embedded versions; the corpus' manifests are version-neutral
                case "-kubernetes-version", "-cache" -> i++;
                case "-schema-location" -> {
                    // the local registry holds the schema generated from this CRD: give kgate the CRD itself
                    String loc = words.get(++i);
                    if (loc.contains("fixtures/registry/")) {
                        args.add("--crds");
                        args.add(CORPUS.resolve("fixtures/registry/sagemaker.aws.amazon.com_trainingjobs.yaml").toString());
                    }
                }
                case "-" -> args.add("-");
                default -> args.add(CORPUS.resolve(w).toString());
            }
        }
        // kubeconform is lax about unknown fields unless -strict, and fails on missing schemas unless told not to
        // kubeconform validates schemas only: compare kgate's schema gate, not its architecture rules
        List<String> full = new ArrayList<>(List.of("--missing-schemas", ignoreMissing ? "ignore" : "error",
                "--only", SCHEMA_GATE));
        if (!strict) {
            full.add("--no-strict");
        }
        full.addAll(args);
        return KgateRunner.get().run(Path.of("").toAbsolutePath(), stdin, full);
    }
}
