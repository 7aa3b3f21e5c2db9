package io.jenkins.plugins.mldelivery.core.drift;

/**
 * How a numeric column's two histograms for charts share their bins.
 */
public enum ChartBinning {
    /** Equal-width bins over the union of both sides' ranges. */
    EQUAL_WIDTH("equal-width"),
    /** Bins at the reference's quantiles (the PSI bins), closed by both sides' minimum and maximum. */
    REFERENCE_QUANTILE("reference-quantile");

    private final String label;

    ChartBinning(final String label) {
        this.label = label;
    }

    /**
     * Returns the name used in JSON.
     *
     * @return for example {@code equal-width}
     */
    public String label() {
        return label;
    }
}
