package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the profile of one column from its values in one pass, in memory that does not grow with
 * the number of values. Numbers are gathered in runs of up to {@link #RUN_CAPACITY}; each run is
 * sorted once, which gives its moments, its distinct values (exact counts while there are few, one
 * HLL update per distinct value) and its quantile sketch ({@link SortedRunCompaction}) cheaply.
 * The result depends only on the values, their order and the seed — not on how the values were
 * batched into calls — so the same column gives the same profile, bit for bit.
 */
public final class ColumnProfiler {
    /** The most numbers gathered before a run is summarised. */
    static final int RUN_CAPACITY = 1 << 18;
    /** A chunk's profilers run on one thread; sharing that thread's sort buffers spares an allocation per column and chunk. */
    private static final ThreadLocal<RadixSort> SORTERS = ThreadLocal.withInitial(RadixSort::new);
    /** Run buffers handed back by built profilers, reused by the next chunk's profilers on the same thread. */
    private static final ThreadLocal<java.util.ArrayDeque<double[]>> RUN_BUFFERS = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    private static final int POOLED_BUFFERS = 64;

    private final String name;
    private ColumnType type;
    private final long seed;
    private long missing;
    private long nonFinite;
    private long count;

    private double[] run;
    private int runSize;
    private int runs;
    private Moments moments = Moments.EMPTY;
    private SeededKllSketch kll;
    private double[] exact;
    private double[] distinctValues = new double[0];
    private long[] distinctCounts = new long[0];
    private boolean distinctOverflow;

    private Map<String, Long> categoryCounts;
    private ItemsSketch<String> categorySketch;

    private final HllSketch hll = new HllSketch(DistinctCount.LG_K, TgtHllType.HLL_8);
    private final long[] hllKey = new long[1];

    /**
     * Creates a profiler with a seed for the quantile sketch's compaction coins.
     *
     * @param name the column's name
     * @param type its type
     * @param seed the seed; profiles built with different seeds differ within the sketch's error
     */
    public ColumnProfiler(final String name, final ColumnType type, final long seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.seed = seed;
        if (type.isNumeric()) {
            double[] pooled = RUN_BUFFERS.get().poll();
            run = pooled != null ? pooled : new double[1024];
            kll = new SeededKllSketch(QuantileSketch.DEFAULT_K, seed);
        }
        else {
            categoryCounts = new HashMap<>();
        }
    }

    /**
     * Creates a profiler with seed 0.
     *
     * @param name the column's name
     * @param type its type
     * @return the profiler
     */
    public static ColumnProfiler of(final String name, final ColumnType type) {
        return new ColumnProfiler(name, type, 0);
    }

    /**
     * Returns the column's type.
     *
     * @return the type
     */
    public ColumnType type() {
        return type;
    }

    /**
     * Turns an integer column into a decimal one, when a value with a fraction shows up.
     *
     * @return this profiler
     */
    public ColumnProfiler widenToDecimal() {
        if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
            throw new IllegalStateException("column '" + name + "' is " + type + ", not a number column");
        }
        type = ColumnType.DECIMAL;
        return this;
    }

    /**
     * Counts missing values.
     *
     * @param howMany how many
     * @return this profiler
     */
    public ColumnProfiler addMissing(final long howMany) {
        missing += howMany;
        return this;
    }

    /**
     * Adds a value of a numeric column; NaN counts as missing, an infinity as non-finite.
     *
     * @param value the value
     * @return this profiler
     */
    public ColumnProfiler add(final double value) {
        requireNumeric();
        if (Double.isNaN(value)) {
            missing++;
            return this;
        }
        if (Double.isInfinite(value)) {
            nonFinite++;
            return this;
        }
        if (runSize == run.length) {
            grow(1);
        }
        run[runSize++] = value;
        if (runSize == RUN_CAPACITY) {
            flush();
        }
        return this;
    }

    /**
     * Adds values of a numeric column, as if one by one (infinities count as non-finite).
     *
     * @param values the values, none of them NaN
     * @param offset the first one
     * @param length how many
     * @return this profiler
     */
    public ColumnProfiler add(final double[] values, final int offset, final int length) {
        requireNumeric();
        int next = offset;
        int remaining = length;
        while (remaining > 0) {
            int take = Math.min(remaining, RUN_CAPACITY - runSize);
            if (runSize + take > run.length) {
                grow(take);
            }
            System.arraycopy(values, next, run, runSize, take);
            runSize = dropInfinities(runSize, take);
            next += take;
            remaining -= take;
            if (runSize == RUN_CAPACITY) {
                flush();
            }
        }
        return this;
    }

    /** Counts the infinities among the {@code added} values after {@code from} and closes the gaps they leave. */
    private int dropInfinities(final int from, final int added) {
        int end = from + added;
        int out = from;
        for (int i = from; i < end; i++) {
            double value = run[i];
            if (Double.isInfinite(value)) {
                nonFinite++;
            }
            else {
                run[out++] = value;
            }
        }
        return out;
    }

    private void grow(final int needed) {
        run = Arrays.copyOf(run, Math.min(RUN_CAPACITY, Math.max(run.length * 2, runSize + needed)));
    }

    private void flush() {
        if (runSize == 0) {
            return;
        }
        moments = moments.merge(Moments.of(run, 0, runSize));
        if (!isSorted(run, runSize)) { // ids and timestamps often come sorted: then sorting is a check
            SORTERS.get().sort(run, runSize);
        }
        exact = runs == 0 && runSize <= ExactValues.CAPACITY ? Arrays.copyOf(run, runSize) : null;
        countDistinct();
        kll.merge(SortedRunCompaction.sketchOf(run, runSize, QuantileSketch.DEFAULT_K, SeededKllSketch.mix64(seed + runs)));
        count += runSize;
        runs++;
        runSize = 0;
    }

    private static boolean isSorted(final double[] values, final int length) {
        for (int i = 1; i < length; i++) {
            if (values[i] < values[i - 1] || values[i] == values[i - 1] && Double.compare(values[i], values[i - 1]) < 0) {
                return false; // the second clause: 0.0 before -0.0 is not Arrays.sort's order
            }
        }
        return true;
    }

    /** Walks the sorted run's equal values: one HLL update per distinct value, exact counts while few. */
    private void countDistinct() {
        double[] values = new double[Math.min(runSize, CategoryCounts.NUMERIC_CAPACITY + 1)];
        long[] counts = new long[values.length];
        int distinct = 0;
        int i = 0;
        while (i < runSize) {
            double value = run[i];
            int j = i + 1;
            while (j < runSize && run[j] == value) {
                j++;
            }
            // what HllSketch.update(double) hashes, without allocating the one-element array each time
            hllKey[0] = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
            hll.update(hllKey);
            if (distinct < values.length) {
                values[distinct] = value == 0 ? 0.0 : value;
                counts[distinct] = j - i;
            }
            distinct++;
            i = j;
        }
        if (!distinctOverflow) {
            mergeDistinct(values, counts, Math.min(distinct, values.length));
            distinctOverflow = distinct > CategoryCounts.NUMERIC_CAPACITY || distinctValues.length > CategoryCounts.NUMERIC_CAPACITY;
        }
    }

    private void mergeDistinct(final double[] values, final long[] counts, final int size) {
        double[] mergedValues = new double[distinctValues.length + size];
        long[] mergedCounts = new long[mergedValues.length];
        int a = 0;
        int b = 0;
        int out = 0;
        while (a < distinctValues.length || b < size) {
            if (b == size || (a < distinctValues.length && distinctValues[a] < values[b])) {
                mergedValues[out] = distinctValues[a];
                mergedCounts[out++] = distinctCounts[a++];
            }
            else if (a == distinctValues.length || values[b] < distinctValues[a]) {
                mergedValues[out] = values[b];
                mergedCounts[out++] = counts[b++];
            }
            else {
                mergedValues[out] = values[b];
                mergedCounts[out++] = counts[b++] + distinctCounts[a++];
            }
        }
        distinctValues = Arrays.copyOf(mergedValues, out);
        distinctCounts = Arrays.copyOf(mergedCounts, out);
    }

    /**
     * Adds a value of a string or boolean column.
     *
     * @param value the value as written, not missing
     * @return this profiler
     */
    public ColumnProfiler add(final String value) {
        return add(value, 1);
    }

    /**
     * Adds a value of a string or boolean column that occurs several times; a boolean is counted by
     * its value ({@code "true"} or {@code "false"}), whatever its spelling.
     *
     * @param written the value as written, not missing
     * @param howMany how many times it occurs, at least 1
     * @return this profiler
     */
    public ColumnProfiler add(final String written, final long howMany) {
        if (type.isNumeric()) {
            throw new IllegalStateException("column '" + name + "' is " + type + "; add numbers to it");
        }
        // booleans count by value: True (pandas) and true (most others) are the same category
        String canonical = type == ColumnType.BOOLEAN ? ColumnType.booleanValue(written) : written;
        String value = canonical != null ? canonical : written;
        count += howMany;
        if (categoryCounts != null) {
            Long previous = categoryCounts.get(value);
            if (previous != null) {
                categoryCounts.put(value, previous + howMany);
                return this;
            }
            hll.update(value);
            if (categoryCounts.size() < CategoryCounts.CAPACITY) {
                categoryCounts.put(value, howMany);
                return this;
            }
            categorySketch = new ItemsSketch<>(CategoryCounts.SKETCH_MAP_SIZE);
            new TreeMap<>(categoryCounts).forEach(categorySketch::update);
            categoryCounts = null;
            categorySketch.update(value, howMany);
            return this;
        }
        hll.update(value);
        categorySketch.update(value, howMany);
        return this;
    }

    private void requireNumeric() {
        if (!type.isNumeric()) {
            throw new IllegalStateException("column '" + name + "' is " + type + "; add strings to it");
        }
    }

    /**
     * Returns the profile of the values added so far.
     *
     * @return the profile
     */
    public ColumnProfile build() {
        if (type.isNumeric()) {
            flush();
            java.util.ArrayDeque<double[]> pool = RUN_BUFFERS.get();
            if (run.length > 0 && pool.size() < POOLED_BUFFERS) {
                pool.push(run);
            }
            run = new double[0];
            ExactValues values = exact == null || count > ExactValues.CAPACITY ? null : ExactValues.of(exact);
            NumericSummary summary = new NumericSummary(moments, QuantileSketch.of(kll), values);
            CategoryCounts categories = null;
            Long exactDistinct = null;
            if (!distinctOverflow) {
                exactDistinct = (long) distinctValues.length;
                if (type != ColumnType.DATETIME) {
                    Map<String, Long> counts = new HashMap<>();
                    for (int i = 0; i < distinctValues.length; i++) {
                        counts.put(formatNumber(distinctValues[i]), distinctCounts[i]);
                    }
                    categories = CategoryCounts.of(counts);
                }
            }
            return new ColumnProfile(name, type, count, missing, summary, categories, DistinctCount.of(hll, exactDistinct), nonFinite);
        }
        CategoryCounts categories = categoryCounts != null ? CategoryCounts.of(categoryCounts) : CategoryCounts.sketched(categorySketch);
        Long exactDistinct = categoryCounts != null ? Long.valueOf(categoryCounts.size()) : null;
        return new ColumnProfile(name, type, count, missing, null, categories, DistinctCount.of(hll, exactDistinct), 0);
    }

    /**
     * Formats a number as a category key: integral values without a fraction, others as Java does.
     *
     * @param value the number
     * @return its key
     */
    static String formatNumber(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
