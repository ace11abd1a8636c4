package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gitignore pattern language, case by case (ExcludeTest compares whole trees with git itself). */
@Tag("in-process")
class IgnorePatternTest {
    private static final Path BASE = Path.of("/repo");

    @ParameterizedTest(name = "{0} on {1} (directory: {2}) = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            *.bak.yaml           | k8s/app/settings.bak.yaml | false | true
            *.bak.yaml           | k8s/app/settings.yaml     | false | false
            generated/           | k8s/generated             | true  | true
            generated/           | k8s/generated             | false | false
            /vendor              | vendor                    | true  | true
            /vendor              | k8s/vendor                | true  | false
            vendor/*             | vendor/a.yaml             | false | true
            vendor/*             | vendor/up/b.yaml          | false | false
            vendor/**            | vendor                    | true  | false
            vendor/**            | vendor/up/b.yaml          | false | true
            **/secrets/          | a/b/secrets               | true  | true
            **/secrets/          | secrets                   | true  | true
            docs/**/draft-*.yaml | docs/draft-1.yaml         | false | true
            docs/**/draft-*.yaml | docs/a/b/draft-1.yaml     | false | true
            docs/**/draft-*.yaml | other/docs/draft-1.yaml   | false | false
            v?.yaml              | v1.yaml                   | false | true
            v?.yaml              | v10.yaml                  | false | false
            [a-c]*.yaml          | b.yaml                    | false | true
            [!a-c]*.yaml         | b.yaml                    | false | false
            \\#literal.yaml      | #literal.yaml             | false | true
            a**b.yaml            | a-x-b.yaml                | false | true
            """)
    void matchesAsGitDoes(String pattern, String path, boolean directory, boolean expected) {
        assertEquals(expected, IgnorePattern.parse(pattern, BASE, "test").matches(path, directory));
    }

    @ParameterizedTest(name = "{1} relative to {0} = {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            /repo   | /repo/k8s/app.yaml | k8s/app.yaml
            /repo   | /repo/a            | a
            /repo   | /repo              | null
            /repo   | /repository/a.yaml | null
            /repo   | /rep/a.yaml        | null
            /repo   | /other/a.yaml      | null
            /repo/k | /repo/k8s/a.yaml   | null
            /       | /repo/a.yaml       | repo/a.yaml
            /       | /                  | null
            """)
    void relativeAsText(String base, String abs, String expected) {
        // compared as text for speed: the same answers as comparing names (/repository is not below /repo)
        Path b = Path.of(base);
        Path a = Path.of(abs);
        assertEquals(expected, IgnorePattern.relativeTo(b, a));
        assertEquals(a.startsWith(b) && !a.equals(b) ? b.relativize(a).toString() : null, IgnorePattern.relativeTo(b, a));
    }

    @Test
    void manyStarsOnALongNameTakeLinearTime() {
        IgnorePattern p = IgnorePattern.parse("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", BASE, "test");
        String name = "a".repeat(5000) + ".yaml";
        // a backtracking regular expression would take longer than the age of the universe here
        assertEquals(false, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> p.matches(name, false)));
    }

    @Test
    void anEmptyRangeIsRefusedAndCommentsAreNoPatterns() {
        assertThrows(IllegalArgumentException.class, () -> IgnorePattern.parse("[z-a].yaml", BASE, "test"));
        assertEquals(null, IgnorePattern.parse("# build output", BASE, "test"));
        assertEquals(null, IgnorePattern.parse("   ", BASE, "test"));
    }
}
