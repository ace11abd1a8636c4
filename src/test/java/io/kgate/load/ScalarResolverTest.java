package io.kgate.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain scalars mean to kgate what they mean to Kubernetes' YAML 1.1 decoder. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class ScalarResolverTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "~|null|null", "null|null|null", "NULL|null|null",
        "yes|true|boolean", "On|true|boolean", "n|false|boolean", "off|false|boolean", "false|false|boolean",
        "80|80|integer", "-3|-3|integer", "+7|7|integer", "0644|420|integer", "0x1F|31|integer", "0o17|15|integer",
        "1_000|1000|integer", "9223372036854775808|9223372036854775808|integer",
        "1.5|1.5|number", "1e3|1000.0|number", "09|9.0|number", ".inf|Infinity|number",
        "two|two|string", "128Mi|128Mi|string", "500m|500m|string", "1.2.3|1.2.3|string", "0x|0x|string",
        "v1|v1|string", "-|-|string",
        // the short decimal path and its edges: sign, a zero, 18 and 19 digits, the longest long
        "0|0|integer", "-0|0|integer", "00|0|integer", "+0|0|integer", "+|+|string",
        "123456789012345678|123456789012345678|integer", "-123456789012345678|-123456789012345678|integer",
        "1234567890123456789|1234567890123456789|integer", "9223372036854775807|9223372036854775807|integer",
        "-9223372036854775808|-9223372036854775808|integer", "0b101|5|integer", "-0x10|-16|integer",
        "1.27-alpine|1.27-alpine|string", "3d|3d|string", "1e|1e|string", "-.inf|-Infinity|number",
        "+.INF|Infinity|number", ".NaN|NaN|number", "12:30|12:30|string", "1_2.5|12.5|number"})
    void resolvesLikeKubernetes(String text, String expected, String type) {
        Object v = ScalarResolver.resolvePlain(text);
        assertEquals(expected, String.valueOf(v));
        assertEquals(type, new io.kgate.model.ScalarNode(io.kgate.model.Pos.START, v, text, false).typeName());
    }
}
