package io.kgate.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("in-process") // the ordering itself; MinVersionTest shows it through the command
class KgateVersionTest {
    @Test
    void versionsCompareByNumberAndAPreReleaseComesBeforeItsRelease() {
        assertTrue(KgateVersion.compare("0.10.0", "0.9.3") > 0);
        assertEquals(0, KgateVersion.compare("1.2", "1.2.0"));
        assertEquals(0, KgateVersion.compare("v1.2.0", "1.2.0"));
        assertTrue(KgateVersion.compare("0.2.0-SNAPSHOT", "0.2.0") < 0);
        assertTrue(KgateVersion.compare("0.2.0-SNAPSHOT", "0.1.9") > 0);
        assertFalse(KgateVersion.valid("latest"));
        assertFalse(KgateVersion.valid("1.2.3.4"));
        assertFalse(KgateVersion.valid(null));
    }
}
