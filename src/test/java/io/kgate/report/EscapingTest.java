package io.kgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The escaping rules of the text-based machine formats, on the characters that break them. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class EscapingTest {
    @Test
    void githubMessageEscapesPercentAndLineBreaks() {
        assertEquals("100%25 done%0D%0Anext: a,b", GithubReporter.data("100% done\r\nnext: a,b"));
    }

    @Test
    void githubPropertyAlsoEscapesColonAndComma() {
        assertEquals("dir%2Cwith%3Acolon/a%25.yaml", GithubReporter.property("dir,with:colon/a%.yaml"));
    }

    @Test
    void xmlAttributeKeepsLineBreaksAndQuotesAsReferences() {
        assertEquals("a&amp;b &lt;c&gt; &quot;d&quot;&#10;e&#9;f", Xml.attr("a&b <c> \"d\"\ne\tf"));
    }

    @Test
    void xmlDropsCharactersXmlCannotCarry() {
        assertEquals("bell\uFFFD nul\uFFFD lone\uFFFD pair\uD83D\uDE00", Xml.text("bell\u0007 nul\u0000 lone\uD800 pair\uD83D\uDE00"));
    }

    @Test
    void sarifUriIsRelativeAndPercentEncoded() {
        assertEquals("k8s/my%20app/d%C3%A9ploiement.yaml", ReportPaths.uri("./k8s/my app/déploiement.yaml"));
        assertEquals("-", ReportPaths.uri("-"));
        String cwd = java.nio.file.Path.of("").toAbsolutePath().toString();
        assertEquals("testdata/x.yaml", ReportPaths.uri(cwd + "/testdata/x.yaml"));
        assertEquals("file:///elsewhere/x%23.yaml", ReportPaths.uri("/elsewhere/x#.yaml"));
    }
}
