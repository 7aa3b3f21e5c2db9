package io.jenkins.plugins.mldelivery.core.canary.judge;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * The Brown-Forsythe test for a difference in spread: a pooled two-sample t test on the absolute
 * deviations of each sample from its own median (Brown and Forsythe 1974, <i>JASA</i> 69:364–367;
 * for two samples {@code t² = W} of {@code scipy.stats.levene(canary, stable, center='median')}).
 * It catches what a location test cannot: a canary with the same median but a wider spread (some
 * requests much slower), which passed Kayenta's Mann-Whitney judge. A positive {@code t} means the
 * canary is more spread out.
 *
 * @param t                 the t statistic on absolute deviations
 * @param degreesOfFreedom  {@code m + n − 2}
 * @param canaryDeviation   the canary's mean absolute deviation from its median
 * @param stableDeviation   the stable version's mean absolute deviation from its median
 */
public record SpreadTest(double t, int degreesOfFreedom, double canaryDeviation, double stableDeviation) {
    /**
     * Runs the test.
     *
     * @param canary the canary's values
     * @param stable the stable version's values
     * @return the statistic
     * @throws IllegalArgumentException unless both samples have at least two values
     */
    public static SpreadTest test(final double[] canary, final double[] stable) {
        if (canary.length < 2 || stable.length < 2) {
            throw new IllegalArgumentException("a spread test needs at least two values per sample");
        }
        double[] c = deviations(canary);
        double[] s = deviations(stable);
        double meanC = mean(c);
        double meanS = mean(s);
        int df = c.length + s.length - 2;
        double pooled = (sumOfSquares(c, meanC) + sumOfSquares(s, meanS)) / df;
        double standardError = Math.sqrt(pooled * (1.0 / c.length + 1.0 / s.length));
        double t = standardError > 0 ? (meanC - meanS) / standardError : 0;
        return new SpreadTest(t, df, meanC, meanS);
    }

    /**
     * Returns the one-sided p-value for a wider canary spread.
     *
     * @return {@code P(T >= t)} for Student's t with {@code m + n − 2} degrees of freedom
     */
    public double pValueGreater() {
        TDistribution distribution = new TDistribution(null, degreesOfFreedom);
        return t > 0 ? distribution.cumulativeProbability(-t) : 1 - distribution.cumulativeProbability(t);
    }

    /**
     * Returns the two-sided p-value, equal to Levene's with medians (Brown-Forsythe).
     *
     * @return {@code P(|T| >= |t|)}
     */
    public double pValueTwoSided() {
        return new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(t)) * 2;
    }

    /**
     * Returns the statistic on the standard normal scale with the same one-sided p-value, for the
     * sequential combination.
     *
     * @return {@code Φ⁻¹(1 − p)}, bounded to ±37
     */
    public double z() {
        double p = pValueGreater();
        if (p <= 0) {
            return 37;
        }
        if (p >= 1) {
            return -37;
        }
        return t > 0 ? -MannWhitney.quantile(p) : MannWhitney.quantile(1 - p);
    }

    private static double[] deviations(final double[] values) {
        double median = median(values);
        return Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
    }

    /**
     * Returns the median of values.
     *
     * @param values the values, not empty
     * @return the middle value, or the mean of the two middle values
     */
    static double median(final double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static double mean(final double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sumOfSquares(final double[] values, final double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }
}
