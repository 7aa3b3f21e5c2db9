package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * The two-sample z test on proportions with the pooled variance under the null hypothesis of
 * equal rates (e.g. Agresti 2013, <i>Categorical Data Analysis</i>, §2.1.2; the same statistic as
 * {@code statsmodels.stats.proportion.proportions_ztest([xc, xs], [nc, ns])}). A positive {@code z}
 * means the canary's rate is higher. This, not a rank test on per-interval rates, is how rates
 * are compared: per-interval error rates are mostly tied zeros, and ties carry no rank information.
 *
 * @param canary the canary's counts
 * @param stable the stable version's counts
 * @param z      the standardised difference of rates; 0 when no or every trial was an event
 */
public record ProportionTest(Observation.Counts canary, Observation.Counts stable, double z) {
    /**
     * Runs the test.
     *
     * @param canary the canary's events and trials
     * @param stable the stable version's events and trials
     * @return the statistic
     * @throws IllegalArgumentException if either side has no trials
     */
    public static ProportionTest test(final Observation.Counts canary, final Observation.Counts stable) {
        if (canary.trials() == 0 || stable.trials() == 0) {
            throw new IllegalArgumentException("a test on proportions needs trials on both sides");
        }
        double pooled = (double) (canary.events() + stable.events()) / (canary.trials() + stable.trials());
        double variance = pooled * (1 - pooled) * (1.0 / canary.trials() + 1.0 / stable.trials());
        double z = variance > 0 ? (canary.rate() - stable.rate()) / Math.sqrt(variance) : 0;
        return new ProportionTest(canary, stable, z);
    }

    /**
     * Returns the one-sided p-value for a higher canary rate.
     *
     * @return {@code 1 - Φ(z)}
     */
    public double pValueGreater() {
        return MannWhitney.upperTail(z);
    }

    /**
     * Returns the difference of rates.
     *
     * @return canary rate − stable rate
     */
    public double difference() {
        return canary.rate() - stable.rate();
    }
}
