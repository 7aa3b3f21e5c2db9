package io.jenkins.plugins.mldelivery.core.canary.judge;

import java.util.Arrays;

/**
 * The Mann-Whitney U test of a canary sample against a stable sample, with mid-ranks for ties and
 * the tie-corrected normal approximation (Mann and Whitney 1947; Lehmann 1975, <i>Nonparametrics</i>,
 * §1.4). The statistic is the canary's U, so a positive {@code z} means canary values tend to be
 * larger. Matches {@code scipy.stats.mannwhitneyu(canary, stable, method='asymptotic', use_continuity=False)}.
 *
 * @param u       the canary's U statistic: pairs where the canary value is larger, plus half the ties
 * @param z       the standardised U, 0 when every value is tied
 * @param nCanary the canary sample size
 * @param nStable the stable sample size
 */
public record MannWhitney(double u, double z, int nCanary, int nStable) {
    /**
     * Runs the test.
     *
     * @param canary the canary's values
     * @param stable the stable version's values
     * @return the statistic
     * @throws IllegalArgumentException if either sample is empty
     */
    public static MannWhitney test(final double[] canary, final double[] stable) {
        if (canary.length == 0 || stable.length == 0) {
            throw new IllegalArgumentException("Mann-Whitney needs two non-empty samples");
        }
        double[] c = canary.clone();
        double[] s = stable.clone();
        Arrays.sort(c);
        Arrays.sort(s);
        int n = c.length + s.length;
        // walk both sorted samples at once; each run of equal values shares its mid-rank
        double rankSumCanary = 0;
        double tieTerm = 0;
        int i = 0;
        int j = 0;
        int rank = 0;
        while (i < c.length || j < s.length) {
            double value = j >= s.length || i < c.length && c[i] <= s[j] ? c[i] : s[j];
            int inCanary = 0;
            while (i < c.length && c[i] == value) {
                inCanary++;
                i++;
            }
            int inStable = 0;
            while (j < s.length && s[j] == value) {
                inStable++;
                j++;
            }
            int tied = inCanary + inStable;
            double midRank = rank + (tied + 1) / 2.0;
            rankSumCanary += inCanary * midRank;
            tieTerm += (double) tied * tied * tied - tied;
            rank += tied;
        }
        double n1 = c.length;
        double n2 = s.length;
        double u = rankSumCanary - n1 * (n1 + 1) / 2;
        double variance = n1 * n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        double z = variance > 0 ? (u - n1 * n2 / 2) / Math.sqrt(variance) : 0;
        return new MannWhitney(u, z, c.length, s.length);
    }

    /**
     * Returns the one-sided p-value for canary values being larger.
     *
     * @return {@code 1 - Φ(z)}
     */
    public double pValueGreater() {
        return upperTail(z);
    }

    /**
     * Returns the one-sided p-value for canary values being smaller.
     *
     * @return {@code Φ(z)}
     */
    public double pValueLess() {
        return upperTail(-z);
    }

    /**
     * Returns the two-sided p-value.
     *
     * @return {@code 2 (1 - Φ(|z|))}, at most 1
     */
    public double pValueTwoSided() {
        return Math.min(1, 2 * upperTail(Math.abs(z)));
    }

    /**
     * Returns the upper tail of the standard normal distribution, accurate far into the tail.
     *
     * @param z the quantile
     * @return {@code 1 - Φ(z)}
     */
    static double upperTail(final double z) {
        return StandardNormal.upperTail(z);
    }

    /**
     * Returns the standard normal quantile.
     *
     * @param p a probability in (0, 1)
     * @return {@code Φ⁻¹(p)}
     */
    static double quantile(final double p) {
        return StandardNormal.quantile(p);
    }

    /**
     * Returns the standard normal distribution function.
     *
     * @param z the quantile
     * @return {@code Φ(z)}
     */
    static double cdf(final double z) {
        return StandardNormal.cdf(z);
    }
}
