package io.jenkins.plugins.mldelivery.core.gate.significance;

/**
 * Quantiles of sorted samples by linear interpolation between order statistics: Hyndman and Fan
 * (1996) type 7, NumPy's and R's default, so that bootstrap intervals and latency percentiles match
 * {@code numpy.percentile} on the same values.
 */
final class Quantiles {
    private Quantiles() {
        // static computation only
    }

    /**
     * Returns the type-7 quantile of sorted values.
     *
     * @param sorted the values in ascending order, at least one
     * @param q      the probability, in [0, 1]
     * @return the quantile
     */
    static double linear(final double[] sorted, final double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
