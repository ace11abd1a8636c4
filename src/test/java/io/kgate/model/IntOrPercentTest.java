package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kgate.load.YamlText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Int-or-percent values scale like Kubernetes' GetScaledValueFromIntOrPercent. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class IntOrPercentTest {
    @ParameterizedTest(name = "{0} of {1}, round up {2} = {3}")
    @CsvSource({
        "25%, 3, false, 0", "25%, 3, true, 1", "25%, 4, false, 1", "25%, 4, true, 1",
        "50%, 3, false, 1", "50%, 3, true, 2", "100%, 3, true, 3", "0%, 5, true, 0",
        "2, 3, false, 2", "2, 3, true, 2", "0, 3, true, 0", "'\"33%\"', 10, true, 4"})
    void scales(String value, long total, boolean roundUp, long expected) throws Exception {
        assertEquals(expected, IntOrPercent.of(YamlText.parse(value)).scaledTo(total, roundUp), value);
    }

    @Test
    void malformedOrAbsentIsNull() throws Exception {
        assertNull(IntOrPercent.of(null));
        assertNull(IntOrPercent.of(YamlText.parse("half")));
        assertNull(IntOrPercent.of(YamlText.parse("x%")));
        assertNull(IntOrPercent.of(YamlText.parse("[1]")));
        assertEquals("25%", IntOrPercent.of(YamlText.parse("25%")).toString());
    }
}
