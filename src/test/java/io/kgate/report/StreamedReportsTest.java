package io.kgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.finding.RuleCatalog;
import io.kgate.finding.Severity;
import io.kgate.load.LoadResult;
import io.kgate.load.Skipped;
import io.kgate.model.ObjectRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The machine formats and the audit write a large report in pieces, never whole: each piece handed to
 * the output is bounded, and the pieces together are still one well-formed document holding every finding.
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class StreamedReportsTest {
    private static final int FILES = 400;
    private static final int PER_FILE = 10;
    /** Files with a finding about the whole file (no object), one in four. */
    private static final int WHOLE_FILE = FILES / 4;
    private static final int SKIPPED = 50;
    private static final int FINDINGS = FILES * PER_FILE + WHOLE_FILE;

    /**
     * 4,000 findings on 400 files, two objects each, with characters every format escapes; a finding
     * about the whole file in one file of four, and 50 files skipped.
     */
    private static LintResult large() {
        List<Finding> findings = new ArrayList<>();
        for (int file = 0; file < FILES; file++) {
            if (file % 4 == 0) {
                findings.add(new Finding("yaml-syntax", Severity.ERROR, "mapping values are not allowed <here> & \"there\"",
                        "k8s/f" + file + ".yaml", 1, 1, null, null));
            }
            for (int i = 0; i < PER_FILE; i++) {
                ObjectRef o = new ObjectRef("apps/v1", "Deployment", "shop", "web-" + file + "-" + i % 2);
                findings.add(new Finding("probes", Severity.values()[i % 3],
                        "container <web> of \"web\" & co, 100% ≤ 128Mi: no probe, line " + i, "k8s/f" + file + ".yaml",
                        i + 1, 3, o, "/spec/template/spec/containers/0"));
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < SKIPPED; i++) {
            skipped.add(new Skipped("k8s/vendor/s" + i + ".yaml", "larger than 64 MiB <limit> & more"));
        }
        return new LintResult(new LoadResult(List.of(), 0, List.of(), List.of(), skipped), findings);
    }

    /** An output that keeps what it is given and the longest piece given at once. */
    private static final class Recording implements Appendable {
        final StringBuilder all = new StringBuilder();
        int longest;

        @Override
        public Appendable append(CharSequence csq) {
            longest = Math.max(longest, csq.length());
            all.append(csq);
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    }

    private static Recording written(Reporter reporter) throws Exception {
        Recording out = new Recording();
        reporter.write(large(), new ReportOptions("1.0", false, new RuleCatalog(List.of())), out);
        // a piece is what one file's or one finding's lines add to a full piece, not the report
        assertTrue(out.all.length() > 4 * Reporter.PIECE, "the report is larger than a few pieces");
        assertTrue(out.longest < 2 * Reporter.PIECE, "longest piece " + out.longest + " of " + out.all.length());
        return out;
    }

    private static Document xml(Recording out) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonInPieces() throws Exception {
        JsonNode report = new ObjectMapper().readTree(written(new JsonReporter()).all.toString());
        assertEquals(FINDINGS, report.get("findings").size());
        assertEquals(SKIPPED, report.get("summary").get("skipped").size());
        assertEquals("line 9", report.get("findings").get(FINDINGS - 1).get("message").asString()
                .replaceAll(".*(line \\d+)$", "$1"));
    }

    @Test
    void sarifInPieces() throws Exception {
        JsonNode log = new ObjectMapper().readTree(written(new SarifReporter()).all.toString());
        assertEquals(FINDINGS, log.get("runs").get(0).get("results").size());
    }

    @Test
    void junitInPieces() throws Exception {
        Document doc = xml(written(new JunitReporter()));
        assertEquals(FILES + SKIPPED, doc.getElementsByTagName("testsuite").getLength());
        assertEquals(FINDINGS, doc.getElementsByTagName("failure").getLength());
        assertEquals(SKIPPED, doc.getElementsByTagName("skipped").getLength());
        // the totals, counted before the first file is written: a test case per object, per file with
        // a finding of its own, per skipped file
        assertEquals(String.valueOf(2 * FILES + WHOLE_FILE + SKIPPED), doc.getDocumentElement().getAttribute("tests"));
        assertEquals(String.valueOf(2 * FILES + WHOLE_FILE), doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void checkstyleInPieces() throws Exception {
        Document doc = xml(written(new CheckstyleReporter()));
        assertEquals(FILES, doc.getElementsByTagName("file").getLength()); // a skipped file is not listed as clean
        assertEquals(FINDINGS, doc.getElementsByTagName("error").getLength());
    }

    @Test
    void githubInPieces() throws Exception {
        String[] lines = written(new GithubReporter()).all.toString().split("\n");
        assertEquals(FINDINGS, lines.length);
        assertTrue(lines[lines.length - 1].startsWith("::"), lines[lines.length - 1]);
    }

    @Test
    void auditInPieces() throws Exception {
        AuditReporter audit = new AuditReporter(List.of());
        String report = written(audit).all.toString();
        // every finding twice: by rule, then by object
        assertEquals(2 * FILES * PER_FILE, report.lines().filter(l -> l.contains("no probe, line")).count());
        assertEquals(2 * WHOLE_FILE, report.lines().filter(l -> l.contains("mapping values are not allowed")).count());
        assertEquals(SKIPPED, report.lines().filter(l -> l.endsWith(": larger than 64 MiB <limit> & more")).count());
        assertTrue(report.endsWith("\n" + TextReporter.summary(large()) + "\n"), "ends with the summary");
    }
}
