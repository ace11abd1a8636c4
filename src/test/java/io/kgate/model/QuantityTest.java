package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Quantities are parsed as the API server's resource.ParseQuantity accepts them. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class QuantityTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "128Mi, 134217728", "64Mi, 67108864", "1Gi, 1073741824", "3Gi, 3221225472", "1Ki, 1024",
        "500m, 0.5", "250m, 0.25", "1, 1", "0.5, 0.5", "2, 2", "100n, 0.0000001", "5u, 0.000005",
        "1k, 1000", "128M, 128000000", "1G, 1000000000", "1e3, 1000", "1E-3, 0.001", "1.5Gi, 1610612736",
        "+1, 1", "-1, -1", ".5, 0.5", "5., 5"})
    void parsesExactly(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(Quantity.parse(text).orElseThrow()), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mi", "128MB", "128mi", "1.2.3", "12 Mi", "1e", "1ee3", "0x10", "1Gi1", "--1", "m"})
    void rejectsWhatKubernetesRejects(String text) {
        assertTrue(Quantity.parse(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"134217728, 128Mi", "268435456, 256Mi", "3221225472, 3Gi", "6442450944, 6Gi", "1000, 1000"})
    void formatsMemoryForMessages(String bytes, String shown) {
        assertEquals(shown, Quantity.formatMemory(new BigDecimal(bytes)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.5, 500m", "0.25, 250m", "3, 3", "1.5, 1500m"})
    void formatsCpuForMessages(String cores, String shown) {
        assertEquals(shown, Quantity.formatCpu(new BigDecimal(cores)));
    }

    /**
     * Each thread keeps the quantities it parsed last: texts that share a slot (far more than the
     * slots, in every order) still give their own value, and a text read again gives the same.
     */
    @Test
    void recentlyParsedTextsKeepTheirOwnValues() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            order.add(i);
        }
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(order, new Random(seed));
            for (int i : order) {
                for (int again = 0; again < 2; again++) { // the second time from its slot, while kept
                    assertEquals(BigDecimal.valueOf(i).multiply(BigDecimal.valueOf(1024 * 1024)),
                            Quantity.parse(i + "Mi").orElseThrow(), i + "Mi");
                    assertEquals(0, BigDecimal.valueOf(i, 3).compareTo(Quantity.parse(i + "m").orElseThrow()), i + "m");
                    assertTrue(Quantity.parse(i + "MB").isEmpty(), i + "MB");
                }
            }
        }
        String longText = "1" + "0".repeat(40) + "Mi"; // longer than a kept text: parsed each time
        assertEquals(Quantity.parse(longText), Quantity.parse(longText));
    }
}
