package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The distribution of a categorical column's non-missing values on one side: exact counts of the
 * categories a profile tracked, plus the mass of the values it did not track by name
 * ({@code other}, for example beyond a cap on distinct values). Counts estimated by a frequent-items
 * sketch state their largest error.
 *
 * @param counts       the count of each tracked category, sorted by name (copied)
 * @param other        the number of non-missing values in untracked categories
 * @param missing      the number of missing values
 * @param maximumError the largest difference between a count here and the true count (0 when exact)
 */
public record CategoricalDistribution(Map<String, Long> counts, long other, long missing, long maximumError)
        implements ColumnDistribution {
    /** Validates the counts and copies them into name order. */
    public CategoricalDistribution {
        Objects.requireNonNull(counts, "counts");
        TreeMap<String, Long> sorted = new TreeMap<>();
        counts.forEach((name, count) -> {
            Objects.requireNonNull(name, "category name");
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of '" + name + "' must not be negative: " + count);
            }
            if (count > 0) {
                sorted.put(name, count);
            }
        });
        if (other < 0 || missing < 0 || maximumError < 0) {
            throw new IllegalArgumentException("other, missing and maximumError must not be negative: " + other + ", "
                    + missing + ", " + maximumError);
        }
        counts = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * Returns the distribution of exact counts with nothing untracked.
     *
     * @param counts  the count of each category
     * @param missing the number of missing values
     * @return the distribution
     */
    public static CategoricalDistribution of(final Map<String, Long> counts, final long missing) {
        return new CategoricalDistribution(counts, 0, missing, 0);
    }

    @Override
    public long present() {
        long total = other;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }

    @Override
    public String type() {
        return "categorical";
    }

    /**
     * Returns the count of a tracked category.
     *
     * @param category the category
     * @return its count, 0 when it was not seen (or not tracked)
     */
    public long count(final String category) {
        return counts.getOrDefault(category, 0L);
    }
}
