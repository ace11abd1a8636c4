package io.kgate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kgate.testing.Expectations.Expected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture expectations: comments and expected.txt are read as written, message parts must be met. */
@Tag("in-process") // tests the test harness itself
class ExpectationsTest {
    @Test
    void readsRulesAndMessageParts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), """
                kind: Pod  # expect: schema, image-tag
                name: x  # expect: schema: must be a DNS-1123 name, like this
                plain: 1
                """);
        Files.writeString(dir.resolve("expected.txt"), "b.json:3 yaml-syntax: unexpected end\nb.json:4 schema\n");
        assertEquals(List.of(new Expected("a.yaml", 1, "image-tag"), new Expected("a.yaml", 1, "schema"),
                new Expected("a.yaml", 2, "schema", "must be a DNS-1123 name, like this"),
                new Expected("b.json", 3, "yaml-syntax", "unexpected end"), new Expected("b.json", 4, "schema")),
                Expectations.read(dir));
    }

    @Test
    void aMessagePartMustBeInTheFindingAtThatPlace() {
        List<Expected> expected = List.of(new Expected("a.yaml", 2, "schema", "DNS-1123"),
                new Expected("a.yaml", 3, "schema"));
        List<Expected> met = Expectations.compared(expected, List.of(
                new Expected("a.yaml", 3, "schema", "anything"),
                new Expected("a.yaml", 2, "schema", "name \"X\" must be a DNS-1123 subdomain")));
        assertEquals(expected, met);
        List<Expected> otherMessage = Expectations.compared(expected, List.of(
                new Expected("a.yaml", 3, "schema", "anything"),
                new Expected("a.yaml", 2, "schema", "name too long")));
        assertNotEquals(expected, otherMessage);
        assertEquals(new Expected("a.yaml", 2, "schema"), otherMessage.get(0), "shown without the part it lacks");
    }
}
