package io.kgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The command inside the real Quarkus application (CDI, configuration), not just picocli. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
@QuarkusMainTest
class QuarkusAppTest {
    @Test
    @Launch(value = {"--version"})
    void versionComesFromTheBuild(LaunchResult result) {
        assertEquals("kgate 0.1.0-SNAPSHOT", result.getOutput().strip());
    }

    @Test
    @Launch(value = {"testdata/duplicate-service"}, exitCode = 1)
    void lintsATree(LaunchResult result) {
        assertTrue(result.getOutput().contains("error duplicate-object"), result.getOutput());
    }
}
