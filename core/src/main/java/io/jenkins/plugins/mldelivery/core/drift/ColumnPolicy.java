package io.jenkins.plugins.mldelivery.core.drift;

/**
 * What a drift policy says about one column, overriding the policy's defaults.
 *
 * @param critical  whether this column drifting alone means dataset drift
 * @param ignored   whether the column is left out of the drift analysis
 * @param measure   the effect measure, or {@code null} for the policy's default for the column's type
 * @param threshold the effect threshold, or {@code null} for the measure's threshold in the policy
 */
public record ColumnPolicy(boolean critical, boolean ignored, EffectMeasure measure, Double threshold) {
    private static final ColumnPolicy DEFAULTS = new ColumnPolicy(false, false, null, null);

    /** Validates the threshold. */
    public ColumnPolicy {
        if (threshold != null && !(threshold >= 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold must be finite and not negative: " + threshold);
        }
    }

    /**
     * Returns the policy's defaults.
     *
     * @return a column policy that overrides nothing
     */
    public static ColumnPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy marking the column critical.
     *
     * @return a critical column with default measure and threshold
     */
    public static ColumnPolicy criticalColumn() {
        return DEFAULTS.asCritical();
    }

    /**
     * Returns a policy leaving the column out.
     *
     * @return an ignored column
     */
    public static ColumnPolicy ignoredColumn() {
        return new ColumnPolicy(false, true, null, null);
    }

    /**
     * Returns this policy with the column marked critical.
     *
     * @return the critical copy
     */
    public ColumnPolicy asCritical() {
        return new ColumnPolicy(true, ignored, measure, threshold);
    }

    /**
     * Returns this policy with another effect measure.
     *
     * @param effectMeasure the measure
     * @return the copy
     */
    public ColumnPolicy withMeasure(final EffectMeasure effectMeasure) {
        return new ColumnPolicy(critical, ignored, effectMeasure, threshold);
    }

    /**
     * Returns this policy with another effect threshold.
     *
     * @param effectThreshold the threshold
     * @return the copy
     */
    public ColumnPolicy withThreshold(final double effectThreshold) {
        return new ColumnPolicy(critical, ignored, measure, effectThreshold);
    }
}
