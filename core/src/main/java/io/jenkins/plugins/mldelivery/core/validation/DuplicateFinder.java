package io.jenkins.plugins.mldelivery.core.validation;

import java.util.Arrays;

/**
 * Finds repeated values of a column in flat memory, by 64-bit hashes of the values: every hash is
 * kept until {@link #CAPACITY} are held; beyond that only the hashes below a limit are kept, and the
 * limit halves each time the set fills again (hash-based sampling, as in P. B. Gibbons, "Distinct
 * Sampling for Highly-Accurate Answers to Distinct Values Queries and Event Reports", VLDB 2001).
 * A repeated value has the same hash both times, so it is found for certain while the set is
 * exact, and otherwise whenever its hash lies below the limit.
 *
 * <p>Error bound: exact up to {@value #CAPACITY} distinct values, except for a false repeat when two
 * different values share a 64-bit hash (probability about n² / 2⁶⁵, below 10⁻⁷ for a million values).
 * Beyond, each repeated value is found with probability {@link #samplingRate()} (at least
 * {@value #CAPACITY} / distinct values), so a column with d repeated values goes unflagged with
 * probability at most (1 - rate)^d. Deterministic: the same data gives the same answer.</p>
 *
 * <p>Chunks only log their hashes ({@link Log}); the file's finder replays the logs in chunk order.</p>
 */
final class DuplicateFinder {
    /** The most hashes held: 16 MB of table at most. */
    static final int CAPACITY = 1 << 20;

    /** Unsigned; every hash is below the first limit. Chunks read it as a hint, so it is volatile. */
    private volatile long limit = -1L;
    private long[] keys = new long[1024];
    private int size;
    private long duplicates;
    private final long[] examples = new long[Violation.EXAMPLE_ROWS];
    private int exampleCount;

    /**
     * Returns the current limit: a hash at or above it will not be kept, now or later.
     *
     * @return the limit, unsigned
     */
    long limit() {
        return limit;
    }

    /**
     * Adds a value's hash; a repeat is counted and, while there are few, its row remembered.
     *
     * @param hash the value's 64-bit hash
     * @param row  the row the value is on
     */
    void add(final long hash, final long row) {
        long key = hash | 1; // 0 marks an empty slot; losing the lowest bit keeps 63 bits of hash
        if (Long.compareUnsigned(key, limit) >= 0) {
            return;
        }
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                duplicates++;
                remember(row);
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        size++;
        if (size * 2 > keys.length) {
            if (size > CAPACITY) {
                limit = limit == -1L ? Long.MIN_VALUE : limit >>> 1; // keep the lower half of the hash range
                rebuild(keys.length);
            }
            else {
                rebuild(keys.length * 2);
            }
        }
    }

    private void rebuild(final int slots) {
        long[] old = keys;
        keys = new long[slots];
        size = 0;
        int mask = slots - 1;
        for (long key : old) {
            if (key != 0 && Long.compareUnsigned(key, limit) < 0) {
                int slot = (int) (key ^ (key >>> 32)) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                size++;
            }
        }
    }

    /**
     * Replays a chunk's log, turning its row offsets into rows from {@code firstLine}.
     *
     * @param log       the chunk's hashes in row order
     * @param firstLine the row the chunk's offsets start from
     */
    void addAll(final Log log, final long firstLine) {
        for (int i = 0; i < log.size; i++) {
            add(log.keys[i], firstLine + log.rows[i]);
        }
    }

    /** Keeps the earliest example rows, whatever order they are found in. */
    private void remember(final long row) {
        if (exampleCount == examples.length) {
            if (row >= examples[exampleCount - 1]) {
                return;
            }
            exampleCount--;
        }
        int i = exampleCount++;
        while (i > 0 && examples[i - 1] > row) {
            examples[i] = examples[i - 1];
            i--;
        }
        examples[i] = row;
    }

    /**
     * Returns how many values repeated an earlier one (among the sampled hashes).
     *
     * @return the number of repeats found
     */
    long duplicates() {
        return duplicates;
    }

    /**
     * Returns the rows of the first repeats found.
     *
     * @return up to five rows
     */
    long[] exampleRows() {
        return Arrays.copyOf(examples, exampleCount);
    }

    /**
     * Returns the share of the hash range still checked.
     *
     * @return 1 while exact, else the sampled share
     */
    double samplingRate() {
        long current = limit;
        if (current == -1L) {
            return 1.0;
        }
        return ((double) (current >>> 1) * 2.0 + (current & 1)) / 18_446_744_073_709_551_616.0;
    }

    /**
     * The hashes of one chunk's values with their row offsets, in row order. Hashes at or above the
     * file finder's limit are left out early: the finder would drop them anyway, since its limit
     * only falls, so leaving them out changes nothing but the work.
     */
    static final class Log {
        private final DuplicateFinder finder;
        private long[] keys = new long[256];
        private int[] rows = new int[256];
        private int size;

        Log(final DuplicateFinder finder) {
            this.finder = finder;
        }

        void add(final long hash, final int row) {
            long key = hash | 1;
            if (Long.compareUnsigned(key, finder.limit) >= 0) {
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            keys[size] = key;
            rows[size++] = row;
        }
    }
}
