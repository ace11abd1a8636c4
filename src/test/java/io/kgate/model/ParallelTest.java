package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    /** Later tasks finish first (they sleep less), on four threads: the sink still gets 0, 1, 2... */
    @Test
    void inOrderToGivesTheResultsInTaskOrderWhicheverFinishesFirst() {
        List<Integer> given = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.on(4, () -> {
            Parallel.inOrderTo(100, i -> () -> {
                threads.add(Thread.currentThread().getName());
                Thread.sleep((100 - i) % 7);
                return i;
            }, 5, given::add);
            return null;
        });
        assertEquals(HUNDRED, given);
        assertTrue(threads.size() > 1, "the tasks ran on several threads: " + threads);
    }

    @Test
    void inOrderToOutsideAPoolRunsTheTasksInThisThreadOneAfterTheOther() {
        List<Integer> given = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.inOrderTo(100, i -> () -> {
            threads.add(Thread.currentThread().getName());
            return i;
        }, 5, given::add);
        assertEquals(HUNDRED, given);
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }
}
