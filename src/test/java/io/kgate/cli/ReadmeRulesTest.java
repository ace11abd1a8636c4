package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.check.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's rule reference is generated from rules/ (kgate rules --markdown) and must match it.
 * To regenerate: ./mvnw -o test -Dtest=ReadmeRulesTest -Dkgate.updateReadme=true
 */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ReadmeRulesTest {
    static final String BEGIN = "<!-- rules:begin -->";
    static final String END = "<!-- rules:end -->";

    @Test
    void readmeRuleReferenceIsUpToDate() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, "README.md needs the markers " + BEGIN + " and " + END);
        String current = text.substring(b + BEGIN.length(), e);
        String generated = "\n" + RuleReference.markdown(RuleSet.defaults());
        if (!current.equals(generated) && Boolean.getBoolean("kgate.updateReadme")) {
            Files.writeString(readme, text.substring(0, b + BEGIN.length()) + generated + text.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, "README.md's rule reference is stale; regenerate it with "
                + "./mvnw -o test -Dtest=ReadmeRulesTest -Dkgate.updateReadme=true (or paste kgate rules --markdown)");
    }
}
