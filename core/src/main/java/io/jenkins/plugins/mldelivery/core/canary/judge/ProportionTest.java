package io.jenkins.plugins.mldelivery.core.canary.judge;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * The test on two proportions, expressed as a standard normal {@code z} (positive when the canary's
 * rate is higher) so that steps can be combined. With at least {@value #LARGE} expected counts in
 * every cell of the 2×2 table it is the pooled z test (e.g. Agresti 2013, <i>Categorical Data
 * Analysis</i>, §2.1.2; {@code statsmodels.stats.proportion.proportions_ztest([xc, xs], [nc, ns])});
 * below, where rare errors make the normal approximation too generous in its upper tail, it is
 * Fisher's exact conditional test with Lancaster's mid-p ({@code P(X > x) + P(X = x)/2} for the
 * canary's events {@code X} given all events, hypergeometric; Lancaster 1961, <i>JASA</i>
 * 56:223–234), mapped to {@code z = Φ⁻¹(1 − mid-p)}. This, not a rank test on per-interval rates, is
 * how rates are compared: per-interval error rates are mostly tied zeros, and ties carry no rank
 * information.
 *
 * @param canary the canary's counts
 * @param stable the stable version's counts
 * @param z      the statistic on the standard normal scale; 0 when no or every trial was an event
 * @param exact  whether Fisher's mid-p (rather than the normal approximation) gave it
 */
public record ProportionTest(Observation.Counts canary, Observation.Counts stable, double z, boolean exact) {
    /** The smallest expected cell count for which the normal approximation is used. */
    static final int LARGE = 100;

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
        long trials = canary.trials() + stable.trials();
        long events = canary.events() + stable.events();
        double smallestShare = Math.min(Math.min(events, trials - events) / (double) trials, 1);
        double smallestCell = smallestShare * Math.min(canary.trials(), stable.trials());
        if (smallestCell < LARGE && trials <= Integer.MAX_VALUE) {
            return new ProportionTest(canary, stable, fisherMidP(canary, (int) trials, (int) events), true);
        }
        double pooled = (double) events / trials;
        double variance = pooled * (1 - pooled) * (1.0 / canary.trials() + 1.0 / stable.trials());
        double z = variance > 0 ? (canary.rate() - stable.rate()) / Math.sqrt(variance) : 0;
        return new ProportionTest(canary, stable, z, false);
    }

    /** The canary's events given all events are hypergeometric; returns {@code Φ⁻¹(1 − mid-p)} of the upper tail. */
    private static double fisherMidP(final Observation.Counts canary, final int trials, final int events) {
        if (events == 0 || events == trials) {
            return 0;
        }
        HypergeometricDistribution distribution = new HypergeometricDistribution(null, trials, events, (int) canary.trials());
        int x = (int) canary.events();
        double point = Math.exp(distribution.logProbability(x));
        double mode = ((double) canary.trials() + 1) * (events + 1) / (trials + 2.0);
        double midP;
        if (x >= mode) {
            midP = tail(distribution, x + 1, +1) + point / 2;
        }
        else {
            midP = 1 - tail(distribution, x - 1, -1) - point / 2;
        }
        if (midP >= 0.5) {
            return MannWhitney.quantile(1 - midP);
        }
        return -MannWhitney.quantile(midP);
    }

    /** Sums the pmf from {@code start} away from the mode, where the terms only shrink, until they no longer matter. */
    private static double tail(final HypergeometricDistribution distribution, final int start, final int direction) {
        double sum = 0;
        for (int k = start; k >= distribution.getSupportLowerBound() && k <= distribution.getSupportUpperBound(); k += direction) {
            double term = Math.exp(distribution.logProbability(k));
            sum += term;
            if (term <= sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /**
     * Returns the one-sided p-value for a higher canary rate.
     *
     * @return {@code 1 − Φ(z)}: the mid-p itself for the exact test
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
