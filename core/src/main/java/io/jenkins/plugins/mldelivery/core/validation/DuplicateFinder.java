package io.jenkins.plugins.mldelivery.core.validation;

import java.util.Arrays;

/**
 * Finds repeated values of a column in flat memory, by 64-bit hashes of the values: every hash is
 * kept (with the row it came from) until {@link #CAPACITY} are held; beyond that only the hashes
 * below a limit are kept, and the limit halves each time the set fills again (hash-based sampling,
 * as in Gibbons' distinct sampling). A repeated value has the same hash both times, so it is found
 * for certain while the set is exact, and otherwise whenever its hash lies below the limit.
 *
 * <p>Error bound: exact up to {@value #CAPACITY} distinct values, except for a false repeat when two
 * different values share a 64-bit hash (probability about n² / 2⁶⁵, below 10⁻⁷ for a million values).
 * Beyond, each repeated value is found with probability {@link #samplingRate()} (at least
 * {@value #CAPACITY} / distinct values), so a column with d repeated values goes unflagged with
 * probability at most (1 - rate)^d. Deterministic: the same data gives the same answer.</p>
 */
final class DuplicateFinder {
    /** The most hashes held, 16 MB of keys and rows at most. */
    static final int CAPACITY = 1 << 20;

    private long limit = -1L; // unsigned: every hash is below it
    private long[] keys = new long[64];
    private long[] rows = new long[64];
    private int size;
    private long duplicates;
    private final long[] examples = new long[Violation.EXAMPLE_ROWS];
    private int exampleCount;

    /**
     * Adds a value's hash; a repeat is counted and, while there are few, its row remembered.
     *
     * @param hash the value's 64-bit hash
     * @param row  the row (or row offset) the value is on
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
        rows[slot] = row;
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
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[slots];
        rows = new long[slots];
        size = 0;
        int mask = slots - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0 && Long.compareUnsigned(key, limit) < 0) {
                int slot = (int) (key ^ (key >>> 32)) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                rows[slot] = oldRows[i];
                size++;
            }
        }
    }

    /**
     * Adds every hash of another finder (of later rows), whose rows are offsets from {@code firstLine}.
     *
     * @param later     the finder of the next chunk
     * @param firstLine the row the later chunk's offsets start from
     */
    void addAll(final DuplicateFinder later, final long firstLine) {
        for (int i = 0; i < later.exampleCount; i++) {
            remember(firstLine + later.examples[i]);
        }
        duplicates += later.duplicates;
        if (Long.compareUnsigned(later.limit, limit) < 0) {
            limit = later.limit;
            rebuild(keys.length);
        }
        long[][] entries = later.sortedEntries();
        for (int i = 0; i < entries[0].length; i++) {
            add(entries[0][i], firstLine + entries[1][i]);
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

    /** Returns the entries in row order, so that merging reports the earliest repeats. */
    private long[][] sortedEntries() {
        long[] packedRows = new long[size];
        long[] packedKeys = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                packedRows[n] = rows[i];
                packedKeys[n] = keys[i];
                n++;
            }
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(packedRows[a], packedRows[b]));
        long[][] sorted = new long[2][n];
        for (int i = 0; i < n; i++) {
            sorted[0][i] = packedKeys[boxed[i]];
            sorted[1][i] = packedRows[boxed[i]];
        }
        return sorted;
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
        if (limit == -1L) {
            return 1.0;
        }
        return ((double) (limit >>> 1) * 2.0 + (limit & 1)) / 18_446_744_073_709_551_616.0;
    }
}
