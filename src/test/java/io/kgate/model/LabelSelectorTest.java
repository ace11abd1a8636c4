package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kgate.load.YamlText;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Label selectors match as the API server matches them. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class LabelSelectorTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");

    private static LabelSelector parse(String yaml) throws Exception {
        return LabelSelector.of(YamlText.parse(yaml));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{matchLabels: {app: web}}                                              | true",
        "{matchLabels: {app: web, tier: back}}                                  | false",
        "{matchExpressions: [{key: app, operator: In, values: [web, api]}]}     | true",
        "{matchExpressions: [{key: app, operator: In, values: [api]}]}          | false",
        "{matchExpressions: [{key: app, operator: NotIn, values: [api]}]}       | true",
        "{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}       | false",
        "{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}        | true",
        "{matchExpressions: [{key: tier, operator: Exists}]}                    | true",
        "{matchExpressions: [{key: zone, operator: Exists}]}                    | false",
        "{matchExpressions: [{key: zone, operator: DoesNotExist}]}              | true",
        "{matchExpressions: [{key: app, operator: DoesNotExist}]}               | false",
        "{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [back]}]} | false",
        "{}                                                                     | true",
        "{matchExpressions: [{key: zone, operator: In, values: [a]}]}           | false",
        "{matchExpressions: [{key: app, operator: In, values: [1, web]}]}       | true",
        "{matchExpressions: [{key: app, operator: In, values: [1]}]}            | false",
        "{matchExpressions: [{key: app, operator: NotIn, values: [[x], web]}]}  | false",
    })
    void matchesLikeKubernetes(String selector, boolean matches) throws Exception {
        assertEquals(matches, parse(selector).matches(WEB), selector);
    }

    @Test
    void saysWhichPartFails() throws Exception {
        assertEquals("matchLabels {app=api}", parse("{matchLabels: {app: api}}").mismatch(WEB));
        assertEquals("matchExpressions tier In [back]",
                parse("{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [back]}]}")
                        .mismatch(WEB));
        assertNull(parse("{matchLabels: {app: web}}").mismatch(WEB));
    }

    @Test
    void emptySelectsEverythingAbsentIsNoSelector() throws Exception {
        assertTrue(parse("{}").isEmpty());
        assertFalse(parse("{matchLabels: {app: web}}").isEmpty());
        assertNull(LabelSelector.of(null));
        assertNull(parse("[app]"));
    }

    @Test
    void equalitySelectorOfServices() {
        assertTrue(LabelSelector.equality(Map.of("app", "web")).matches(WEB));
        assertFalse(LabelSelector.equality(Map.of("app", "web", "zone", "a")).matches(WEB));
    }
}
