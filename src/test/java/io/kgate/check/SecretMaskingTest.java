package io.kgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Masking finds the values a message holds in one pass (ValueScan) and must mask exactly as
 * replacing each value in turn, longest first, would: overlapping values, values inside values,
 * values that hold the mask's own character.
 */
class SecretMaskingTest {

    /** The definition: every value, longest first, replaced wherever it is in the message so far. */
    private static String eachInTurn(List<String> longestFirst, String message) {
        for (String v : longestFirst) {
            if (message.contains(v)) {
                message = message.replace(v, SecretMasking.MASK);
            }
        }
        return message;
    }

    private static List<String> longestFirst(Set<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    @Test
    void masksAsReplacingEachValueInTurnOnRandomOverlappingValues() {
        Random random = new Random(11);
        String alphabet = "ab*c"; // few letters: values overlap, nest, and some hold the mask's '*'
        int masked = 0;
        for (int round = 0; round < 300; round++) {
            Set<String> values = new LinkedHashSet<>();
            for (int i = random.nextInt(8); i >= 0; i--) {
                values.add(word(random, alphabet, 4 + random.nextInt(4)));
            }
            List<String> sorted = longestFirst(values);
            SecretMasking.Values scan = SecretMasking.Values.of(sorted);
            // values of 6 and 7 characters asked for directly, as long values are, mixed with scanned ones
            SecretMasking.Values mixed = SecretMasking.Values.of(sorted, 5);
            for (int m = 0; m < 20; m++) {
                String message = word(random, alphabet, random.nextInt(40));
                String expected = eachInTurn(sorted, message);
                assertEquals(expected, scan.mask(message), "values " + sorted + " in \"" + message + "\"");
                assertEquals(expected, mixed.mask(message), "values " + sorted + " (up to 5 scanned) in \"" + message + "\"");
                masked += expected.equals(message) ? 0 : 1;
            }
        }
        assertTrue(masked > 400, "the random cases mask something often enough to compare: " + masked);
    }

    @Test
    void findsValuesThatEndInsideLongerOnesAndRepeatedValues() {
        ValueScan scan = new ValueScan(List.of("abcdef", "cdef", "bcd", "zzzz", "cdef"));
        assertEquals(Set.of("abcdef", "cdef", "bcd"), scan.in("xxabcdefyy"));
        assertEquals(Set.of("bcd"), scan.in("abcdx"));
        assertEquals(Set.of(), scan.in("abxcdx"));
        assertEquals(Set.of(), scan.in(""));
    }

    @Test
    void aHugeValueIsNotScannedCharacterByCharacterButStillMasked() {
        String blob = "x".repeat(5_000_000) + "y"; // a Secret may hold megabytes (a file can be 64 MiB)
        SecretMasking.Values values = SecretMasking.Values.of(List.of(blob, "hunter22"));
        assertTrue(values.scan().nodes() < 100, "the scan holds the short value only: " + values.scan().nodes());
        assertEquals("a **** and a ****", values.mask("a " + blob + " and a hunter22"));
        assertEquals("nothing secret", values.mask("nothing secret"));
    }

    @Test
    void noValuesLeaveMessagesAsTheyAre() {
        SecretMasking.Values none = SecretMasking.Values.of(List.of());
        assertEquals("password hunter22 in plain text", none.mask("password hunter22 in plain text"));
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
