package io.kgate.model;

import java.util.function.Function;

/**
 * Each thread's last results of a function of short texts, in slots by the text's hash: for values a
 * tree writes again and again (quantities, image references), computed once per thread while recent.
 * Bounded, no eviction cost; a text longer than {@code longestKept} is computed each time.
 */
final class RecentlyComputed<V> {
    /** What a slot holds for a null result (an empty slot holds null). */
    private static final Object NULL = new Object();

    private final int slots;
    private final int longestKept;
    private final Function<String, V> compute;
    private final ThreadLocal<Object[]> recent;

    /** {@code slots}: a power of two. */
    RecentlyComputed(int slots, int longestKept, Function<String, V> compute) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = slots;
        this.longestKept = longestKept;
        this.compute = compute;
        this.recent = ThreadLocal.withInitial(() -> new Object[2 * slots]);
    }

    @SuppressWarnings("unchecked") // the slot after a text holds its result
    V get(String text) {
        if (text.length() > longestKept) {
            return compute.apply(text);
        }
        Object[] kept = recent.get();
        int slot = 2 * (text.hashCode() & (slots - 1));
        if (text.equals(kept[slot])) {
            Object v = kept[slot + 1];
            return v == NULL ? null : (V) v;
        }
        V v = compute.apply(text);
        kept[slot] = text;
        kept[slot + 1] = v == null ? NULL : v;
        return v;
    }
}
