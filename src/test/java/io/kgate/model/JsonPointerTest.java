package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class JsonPointerTest {
    @Test
    void escapesKeysAndSplitsBack() {
        String p = JsonPointer.child(JsonPointer.child("/metadata/annotations", "a/b~c"), 2);
        assertEquals("/metadata/annotations/a~1b~0c/2", p);
        assertEquals(java.util.List.of("metadata", "annotations", "a/b~c", "2"), JsonPointer.split(p));
        assertEquals("/metadata/annotations/a~1b~0c", JsonPointer.parent(p));
    }

    @Test
    void findingsAtTheSamePlaceKeepOneStringOfIt() {
        String first = JsonPointer.child("/spec/template/spec/containers/0", "name");
        String second = JsonPointer.child("/spec/template/spec/containers/0", "name");
        assertNotSame(first, second);
        Finding a = new Finding("r", Severity.WARNING, "m", "f.yaml", 1, 1, null, first);
        Finding b = new Finding("r", Severity.WARNING, "m", "f.yaml", 2, 1, null, second);
        assertSame(a.path(), b.path());
        assertEquals("/spec/template/spec/containers/0/name", b.path());
        assertNull(new Finding("r", Severity.WARNING, "m", "f.yaml", 1, 1, null, null).path());
    }
}
