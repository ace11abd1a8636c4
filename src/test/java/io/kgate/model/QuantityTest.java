package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
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
}
