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
 * the number of values. The result depends only on the values, their order and the seed — not on
 * how the values were batched into calls — so the same column gives the same profile, bit for bit.
 */
public final class ColumnProfiler {
    private static final int BLOCK = 1024;

    private final String name;
    private final ColumnType type;
    private long missing;
    private long count;

    private final double[] block;
    private int blockSize;
    private Moments moments = Moments.EMPTY;
    private final SeededKllSketch kll;
    private double[] exact = new double[64];
    private int exactSize;
    private ValueCountTable valueCounts;

    private Map<String, Long> categoryCounts;
    private ItemsSketch<String> categorySketch;

    private final HllSketch hll = new HllSketch(DistinctCount.LG_K, TgtHllType.HLL_8);

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
        if (type.isNumeric()) {
            block = new double[BLOCK];
            kll = new SeededKllSketch(QuantileSketch.DEFAULT_K, seed);
            valueCounts = new ValueCountTable();
        }
        else {
            block = null;
            kll = null;
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
     * Adds a value of a numeric column; NaN counts as missing.
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
        block[blockSize++] = value;
        if (blockSize == BLOCK) {
            flush();
        }
        return this;
    }

    /**
     * Adds values of a numeric column, as if one by one.
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
            int take = Math.min(remaining, BLOCK - blockSize);
            System.arraycopy(values, next, block, blockSize, take);
            blockSize += take;
            next += take;
            remaining -= take;
            if (blockSize == BLOCK) {
                flush();
            }
        }
        return this;
    }

    private void flush() {
        if (blockSize == 0) {
            return;
        }
        moments = moments.merge(Moments.of(block, 0, blockSize));
        kll.update(block, 0, blockSize);
        count += blockSize;
        if (exact != null) {
            if (exactSize + blockSize > ExactValues.CAPACITY) {
                exact = null;
            }
            else {
                if (exactSize + blockSize > exact.length) {
                    exact = Arrays.copyOf(exact, Math.min(ExactValues.CAPACITY, Math.max(exact.length * 2, exactSize + blockSize)));
                }
                System.arraycopy(block, 0, exact, exactSize, blockSize);
                exactSize += blockSize;
            }
        }
        countDistinct();
        blockSize = 0;
    }

    private void countDistinct() {
        int i = 0;
        if (valueCounts != null) {
            for (; i < blockSize; i++) {
                int outcome = valueCounts.add(block[i]);
                if (outcome == ValueCountTable.ADDED) {
                    hll.update(block[i]);
                }
                else if (outcome == ValueCountTable.FULL) {
                    valueCounts = null;
                    break;
                }
            }
        }
        for (; i < blockSize; i++) {
            hll.update(block[i]);
        }
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
     * Adds a value of a string or boolean column that occurs several times.
     *
     * @param value   the value as written, not missing
     * @param howMany how many times it occurs, at least 1
     * @return this profiler
     */
    public ColumnProfiler add(final String value, final long howMany) {
        if (type.isNumeric()) {
            throw new IllegalStateException("column '" + name + "' is " + type + "; add numbers to it");
        }
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
            ExactValues values = exact == null ? null : ExactValues.of(Arrays.copyOf(exact, exactSize));
            NumericSummary summary = new NumericSummary(moments, QuantileSketch.of(kll), values);
            CategoryCounts categories = null;
            Long exactDistinct = null;
            if (valueCounts != null) {
                exactDistinct = (long) valueCounts.size();
                if (type != ColumnType.DATETIME) {
                    Map<String, Long> counts = new HashMap<>();
                    valueCounts.forEach((value, howMany) -> counts.put(formatNumber(value), howMany));
                    categories = CategoryCounts.of(counts);
                }
            }
            return new ColumnProfile(name, type, count, missing, summary, categories, DistinctCount.of(hll, exactDistinct));
        }
        CategoryCounts categories = categoryCounts != null ? CategoryCounts.of(categoryCounts) : CategoryCounts.sketched(categorySketch);
        Long exactDistinct = categoryCounts != null ? Long.valueOf(categoryCounts.size()) : null;
        return new ColumnProfile(name, type, count, missing, null, categories, DistinctCount.of(hll, exactDistinct));
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
