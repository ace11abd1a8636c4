package io.kgate.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Files sorted by their keys are in the order of the report's comparator. */
class FileOrderTest {

    @Test
    void sortedByKeysAsByTheComparator() {
        Random r = new Random(5);
        String[] parts = {"a", "b", "a-b", "a.b", "a b", "-", "ä", "Z", "k8s", "base", "overlays", "x_y", "0"};
        Set<String> names = new HashSet<>(List.of("-", "a", "a/b", "a\\b", "a-b", "a/b/c", "a.yaml", "a/b.yaml"));
        while (names.size() < 3_000) {
            StringBuilder n = new StringBuilder(parts[r.nextInt(parts.length)]);
            for (int i = r.nextInt(4); i > 0; i--) {
                n.append(r.nextInt(10) == 0 ? '\\' : '/').append(parts[r.nextInt(parts.length)]);
            }
            names.add(n.append(r.nextBoolean() ? ".yaml" : "").toString());
        }
        List<String> expected = new ArrayList<>(names);
        expected.sort(Finding.FILE_ORDER);
        assertEquals(expected, Finding.inFileOrder(names));
        assertEquals("-", Finding.inFileOrder(names).get(0));
        // a separator ranks before every character: the files of a directory before its siblings' names
        assertEquals(List.of("a/b", "a-b"), Finding.inFileOrder(List.of("a-b", "a/b")));
    }
}
