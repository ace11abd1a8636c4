package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The per-thread memo of Quantity.parse and ImageReference.problem. */
@Tag("in-process") // calls kgate's classes directly: the native suite has nothing to add
class RecentlyComputedTest {
    /** Odd numbers' texts have no result (null); the rest their length. */
    private static Integer lengthOfEven(String text) {
        return Integer.parseInt(text.substring(1)) % 2 == 1 ? null : text.length();
    }

    @Test
    void aTextReadAgainIsNotComputedAgainAndTextsSharingASlotKeepTheirOwnResult() {
        AtomicInteger computed = new AtomicInteger();
        RecentlyComputed<Integer> memo = new RecentlyComputed<>(64, 24, t -> {
            computed.incrementAndGet();
            return lengthOfEven(t);
        });
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // far more texts than slots: they share slots
            order.add(i);
        }
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(order, new Random(seed));
            for (int i : order) {
                String text = "t" + i;
                int before = computed.get();
                assertEquals(lengthOfEven(text), memo.get(text), text);
                int afterFirst = computed.get();
                if (seed == 1) {
                    assertEquals(before + 1, afterFirst, text + ": never seen, so computed");
                }
                for (int again = 0; again < 2; again++) {
                    assertEquals(lengthOfEven(text), memo.get(text), text);
                }
                assertEquals(afterFirst, computed.get(), text + ": not computed again while kept, a null result too");
            }
        }
    }

    @Test
    void aLongerTextIsComputedEachTime() {
        AtomicInteger computed = new AtomicInteger();
        RecentlyComputed<String> memo = new RecentlyComputed<>(8, 4, t -> {
            computed.incrementAndGet();
            return null;
        });
        assertNull(memo.get("longer"));
        assertNull(memo.get("longer"));
        assertEquals(2, computed.get());
        assertThrows(IllegalArgumentException.class, () -> new RecentlyComputed<String>(48, 4, t -> t));
    }
}
