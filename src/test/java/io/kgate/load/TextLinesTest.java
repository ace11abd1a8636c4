package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kgate.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /**
     * Texts longer than the reused window are scanned a window at a time: a terminator, or the two
     * characters of a "\r\n", at every position around each window's edge splits as String.lines() does.
     */
    @Test
    void linesAreSplitTheSameAcrossTheScanWindows() {
        for (String terminator : List.of("\n", "\r", "\r\n", "\n\n", "\r\r\n")) {
            for (int shift = -3; shift <= 3; shift++) {
                StringBuilder text = new StringBuilder();
                text.append("x".repeat(TextChars.KEPT + shift)).append(terminator).append("next # c").append(terminator);
                text.append("y".repeat(TextChars.KEPT - 2)).append(terminator).append("last");
                String s = text.toString();
                TextLines lines = TextLines.of(s);
                assertEquals(s.lines().toList(), List.copyOf(lines), "terminator " + terminator.replace("\r", "CR")
                        .replace("\n", "LF") + " at " + shift + " from the window's end");
            }
        }
    }
}
