package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void aRepositoryNameOverItsLimitIsNamed() {
        assertEquals("has a repository name longer than 255 characters",
                ImageReference.problem("registry.example.com/" + "a".repeat(600) + ":1"));
    }
}
