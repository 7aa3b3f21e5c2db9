package io.jenkins.plugins.mldelivery.core.profile;

/**
 * Counts of distinct doubles (by their bits, -0.0 folded into 0.0) in an open-addressing table
 * that refuses new values once it holds {@link CategoryCounts#CAPACITY}: the exact value counts of
 * a numeric column with few distinct values, at a few nanoseconds per value.
 */
final class ValueCountTable {
    /** What {@link #add(double)} did. */
    static final int EXISTING = 0;
    /** The value was new and is now counted. */
    static final int ADDED = 1;
    /** The table is full and the value was new: counting stops. */
    static final int FULL = 2;

    private static final int SLOTS = Integer.highestOneBit(CategoryCounts.CAPACITY * 2) << 1;
    private static final long EMPTY = 0x7FF8_DEAD_BEEF_0001L; // a NaN payload no canonical value has

    private final long[] keys = new long[SLOTS];
    private final long[] counts = new long[SLOTS];
    private final long[] insertionOrder = new long[CategoryCounts.CAPACITY];
    private int size;

    ValueCountTable() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    /**
     * Counts one occurrence of a value.
     *
     * @param value the value, not NaN
     * @return {@link #EXISTING}, {@link #ADDED} or {@link #FULL}
     */
    int add(final double value) {
        long bits = Double.doubleToRawLongBits(value == 0 ? 0.0 : value);
        int mask = SLOTS - 1;
        int slot = (int) SeededKllSketch.mix64(bits) & mask;
        while (true) {
            long key = keys[slot];
            if (key == bits) {
                counts[slot]++;
                return EXISTING;
            }
            if (key == EMPTY) {
                if (size == CategoryCounts.CAPACITY) {
                    return FULL;
                }
                keys[slot] = bits;
                counts[slot] = 1;
                insertionOrder[size++] = bits;
                return ADDED;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /**
     * Passes every value and its count to the consumer, in the order the values were first seen.
     *
     * @param consumer receives value and count
     */
    void forEach(final ValueConsumer consumer) {
        int mask = SLOTS - 1;
        for (int i = 0; i < size; i++) {
            long bits = insertionOrder[i];
            int slot = (int) SeededKllSketch.mix64(bits) & mask;
            while (keys[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            consumer.accept(Double.longBitsToDouble(bits), counts[slot]);
        }
    }

    /** Receives a value and its count. */
    @FunctionalInterface
    interface ValueConsumer {
        void accept(double value, long count);
    }
}
