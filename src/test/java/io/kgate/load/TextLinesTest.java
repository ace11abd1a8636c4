package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lines a file keeps for suppressions: those with a '#', found without cutting every line out. */
class TextLinesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "#", "a: 1\n", "a: 1 # kgate-ignore x\nb: 2\n\n# c\n", "\n\n#\n\n",
            "a: \"#x\"\r\nb: 2\r\n# c\r\n", "one\rtwo # x\rthree", "no comments\nat all\n",
            "#1\n#2\n#3", "x\n\n\n\n\n\n\ny # far below\n", "# last line without end"})
    void keepsExactlyTheLinesWithAHash(String text) {
        TextLines lines = TextLines.of(text);
        SourceFile kept = lines.keepingComments("f.yaml");

        List<Integer> expected = new ArrayList<>();
        List<String> all = text.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).indexOf('#') >= 0) {
                expected.add(i + 1);
            }
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), kept.keptLines());
        assertEquals(all.size(), kept.lines().size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(expected.contains(i + 1) ? all.get(i) : "", kept.line(i + 1), "line " + (i + 1));
        }
    }
}
