package io.kgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
            }, given::add);
            return null;
        });
        assertEquals(HUNDRED, given);
        assertTrue(threads.size() > 1, "the tasks ran on several threads: " + threads);
    }

    /** A sink that fails (a closed pipe) ends the run: the tasks not yet under way never run. */
    @Test
    void inOrderToStopsAtTheFirstFailureOfTheSink() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.on(4, () -> {
            Parallel.inOrderTo(100, i -> () -> {
                ran.incrementAndGet();
                return i;
            }, i -> {
                if (i == 3) {
                    throw new IllegalStateException("pipe closed at " + i);
                }
            });
            return null;
        }));
        assertTrue(e.getMessage().endsWith("pipe closed at 3"), e::toString);
        assertTrue(ran.get() < 50, "tasks run after the failure: " + ran.get());
    }

    @Test
    void inOrderToOutsideAPoolRunsTheTasksInThisThreadOneAfterTheOther() {
        List<Integer> given = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.inOrderTo(100, i -> () -> {
            threads.add(Thread.currentThread().getName());
            return i;
        }, given::add);
        assertEquals(HUNDRED, given);
        assertEquals(Set.of(Thread.currentThread().getName()), threads);
    }
}
