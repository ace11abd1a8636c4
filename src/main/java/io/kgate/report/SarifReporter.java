package io.kgate.report;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.finding.RuleCatalog;
import io.kgate.finding.RuleDoc;
import io.kgate.finding.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).
 *
 * <p>The driver lists only the rules that occur in the results (sorted by id), not every known
 * rule: the log stays small, and a log does not change when an unrelated rule is added to kgate.
 * Each result points at its rule with ruleId and ruleIndex.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    @Override
    public String render(LintResult result, ReportOptions options) {
        return Reporter.rendered(this, result, options);
    }

    @Override
    public void write(LintResult result, ReportOptions options, Appendable out) throws IOException {
        List<String> ruleIds = new ArrayList<>(new TreeSet<>(result.findings().stream().map(Finding::rule).toList()));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            index.put(ruleIds.get(i), i);
        }
        Json j = new Json(true);
        j.beginObject().field("$schema", SCHEMA).field("version", "2.1.0");
        j.name("runs").beginArray().beginObject();
        j.name("tool").beginObject().name("driver").beginObject()
                .field("name", "kgate")
                .field("version", options.toolVersion());
        j.name("rules").beginArray();
        for (String id : ruleIds) {
            rule(j, id, options.rules());
        }
        j.endArray().endObject().endObject();
        // kgate's columns count Unicode code points, not UTF-16 units
        j.field("columnKind", "unicodeCodePoints");
        j.name("results").beginArray();
        for (Finding f : result.findings()) {
            result(j, f, index.get(f.rule()));
            j.passOnWhenFull(out);
        }
        j.endArray();
        j.endObject().endArray().endObject();
        j.passOn(out, "\n");
    }

    private static void rule(Json j, String id, RuleCatalog rules) {
        RuleDoc doc = rules.doc(id).orElse(null);
        j.beginObject().field("id", id);
        if (doc != null) {
            j.name("shortDescription").beginObject().field("text", doc.shortDescription()).endObject();
            j.name("fullDescription").beginObject().field("text", doc.description()).endObject();
            j.name("help").beginObject().field("text", doc.remediation()).endObject();
            j.name("defaultConfiguration").beginObject().field("level", level(doc.severity())).endObject();
        } else {
            // a rule without documentation still needs a description for dashboards
            j.name("shortDescription").beginObject().field("text", id).endObject();
        }
        j.endObject();
    }

    private static void result(Json j, Finding f, int ruleIndex) {
        j.beginObject().field("ruleId", f.rule()).field("ruleIndex", ruleIndex).field("level", level(f.severity()));
        String text = f.object() == null ? f.message() : f.message() + " (" + f.object().display() + ")";
        j.name("message").beginObject().field("text", text).endObject();
        j.name("locations").beginArray().beginObject();
        j.name("physicalLocation").beginObject();
        j.name("artifactLocation").beginObject().field("uri", ReportPaths.uri(f.file())).endObject();
        j.name("region").beginObject()
                .field("startLine", Math.max(1, f.line()))
                .field("startColumn", Math.max(1, f.column()))
                .endObject();
        j.endObject();
        if (f.object() != null) {
            j.name("logicalLocations").beginArray().beginObject()
                    .field("name", f.object().name() == null ? "<unnamed>" : f.object().name())
                    .field("fullyQualifiedName", f.object().display()
                            + (f.path() == null || f.path().isEmpty() ? "" : "#" + f.path()))
                    .field("kind", "resource")
                    .endObject().endArray();
        }
        j.endObject().endArray();
        j.endObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
