package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image references as the container runtime parses them. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ImageReferenceTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nginx                                                   | -
            nginx:1.27-alpine                                       | -
            registry.example.com:5000/team/app:3.1                  | -
            localhost/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | -
            Nginx:1.27                                              | has upper-case letters in the repository name (it must be lower case)
            REGISTRY.example.com/app:1                              | -
            nginx:                                                  | ends with an empty tag or digest
            0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | is a 64-character hexadecimal image ID, not a reference
            'nginx '                                                | has leading or trailing whitespace
            nginx:1.2 3                                             | contains whitespace
            """)
    void problemsAreNamed(String image, String problem) {
        assertEquals(problem, ImageReference.problem(image));
    }

    /**
     * Each thread keeps the references it checked last: references that share a slot (far more than
     * the slots, valid and not, in several orders) still get their own answer, the same each time.
     */
    @Test
    void recentlyCheckedReferencesKeepTheirOwnAnswer() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            order.add(i);
        }
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(order, new Random(seed));
            for (int i : order) {
                for (int again = 0; again < 2; again++) { // the second time from its slot, while kept
                    assertNull(ImageReference.problem("registry.example.com/app-" + i + ":1.0"), "app-" + i);
                    assertEquals("has upper-case letters in the repository name (it must be lower case)",
                            ImageReference.problem("App-" + i + ":1.0"), "App-" + i);
                    assertEquals("ends with an empty tag or digest", ImageReference.problem("app-" + i + ":"));
                }
                assertNull(ImageReference.problem("registry.example.com/app-" + i + ":1.0"), "app-" + i);
            }
        }
        String longName = "registry.example.com/" + "a".repeat(600) + ":1"; // longer than a kept one
        assertEquals("has a repository name longer than 255 characters", ImageReference.problem(longName));
        assertEquals("has a repository name longer than 255 characters", ImageReference.problem(longName));
    }
}
