package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.rules.RuleSet;
import io.kgate.report.Reporters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's generated sections must match their source: the rule reference comes from rules/
 * (kgate rules --markdown), the table of output formats from the registry in {@code Reporters}.
 * To regenerate both: ./mvnw -o test -Dtest=ReadmeRulesTest -Dkgate.updateReadme=true
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ReadmeRulesTest {
    private static final Path README = Path.of("README.md");

    @Test
    void readmeRuleReferenceIsUpToDate() throws IOException {
        checkSection("rules", "\n" + RuleReference.markdown(RuleSet.defaults()), "rule reference");
    }

    @Test
    void readmeFormatTableIsTheRegistry() throws IOException {
        checkSection("formats", "\n" + Reporters.markdownTable(), "table of output formats");
    }

    /** The text between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->} must be {@code generated}. */
    private static void checkSection(String name, String generated, String what) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        assertTrue(b >= 0 && e > b, "README.md needs the markers " + begin + " and " + end);
        String current = text.substring(b + begin.length(), e);
        if (!current.equals(generated) && Boolean.getBoolean("kgate.updateReadme")) {
            Files.writeString(README, text.substring(0, b + begin.length()) + generated + text.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, "README.md's " + what + " is stale; regenerate it with "
                + "./mvnw -o test -Dtest=ReadmeRulesTest -Dkgate.updateReadme=true");
    }
}
