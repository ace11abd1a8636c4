package io.kgate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.testing.KgateRunner;
import org.junit.jupiter.api.Test;

/**
 * An object defined twice: a follow-up finding about it says which definition it means
 * (testdata/duplicate-service-follow-up holds the expected rules and lines; this checks the words).
 */
class DuplicateDefinitionMessagesTest {
    @Test
    void followUpFindingsNameTheDefinitionTheyMean() {
        String dir = "testdata/duplicate-service-follow-up";
        KgateRunner.Run r = KgateRunner.get().run("--only", "service-endpoints", dir);
        assertTrue(r.out().contains(dir + "/endpoints.yaml:4:3: warning service-endpoints: Service website/backend "
                + "(the definition at " + dir + "/a-service.yaml:5) has a selector, so the endpoints controller"),
                r::toString);
    }
}
