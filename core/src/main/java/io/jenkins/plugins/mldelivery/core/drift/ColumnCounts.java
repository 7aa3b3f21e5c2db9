package io.jenkins.plugins.mldelivery.core.drift;

/**
 * How many values one side of a column had.
 *
 * @param present the non-missing values
 * @param missing the missing values
 */
public record ColumnCounts(long present, long missing) {
    /** Validates the counts. */
    public ColumnCounts {
        if (present < 0 || missing < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + present + ", " + missing);
        }
    }

    /**
     * Returns the counts of a distribution.
     *
     * @param distribution the distribution, or {@code null} for a column absent on this side
     * @return its counts, or {@code null}
     */
    static ColumnCounts of(final ColumnDistribution distribution) {
        return distribution == null ? null : new ColumnCounts(distribution.present(), distribution.missing());
    }

    /**
     * Returns the share of missing values.
     *
     * @return missing / (present + missing), 0 without rows
     */
    public double missingShare() {
        long rows = present + missing;
        return rows == 0 ? 0 : (double) missing / rows;
    }
}
