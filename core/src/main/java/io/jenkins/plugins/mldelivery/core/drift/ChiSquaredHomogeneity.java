package io.jenkins.plugins.mldelivery.core.drift;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-squared test of homogeneity for two samples over the same categories (Pearson,
 * 1900): X² = Σ (O - E)² / E with E = row total × category total / N, and K - 1 degrees of freedom
 * for K categories seen on either side. No continuity correction, also with one degree of freedom:
 * Yates' correction makes the 2×2 test conservative well beyond its nominal level (Haviland,
 * Stat. Med. 9, 1990; D'Agostino, Chase and Belanger, Am. Stat. 42, 1988). Matches
 * {@code scipy.stats.chi2_contingency(table, correction=False)}; the p-value is the regularised
 * upper incomplete gamma function Q(dof/2, X²/2), computed directly so small p-values keep their
 * precision.
 */
final class ChiSquaredHomogeneity {
    /**
     * The test's outcome.
     *
     * @param statistic        X²
     * @param degreesOfFreedom K - 1
     * @param pValue           P(χ²_dof &ge; X²)
     */
    record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    private ChiSquaredHomogeneity() {
        // static functions only
    }

    /** Tests two count vectors over the same categories; categories empty on both sides are ignored. */
    static Result test(final long[] reference, final long[] current) {
        long referenceTotal = 0;
        long currentTotal = 0;
        int categories = 0;
        for (int i = 0; i < reference.length; i++) {
            referenceTotal += reference[i];
            currentTotal += current[i];
            if (reference[i] + current[i] > 0) {
                categories++;
            }
        }
        if (categories < 2 || referenceTotal == 0 || currentTotal == 0) {
            return new Result(0, 0, 1);
        }
        double total = referenceTotal + currentTotal;
        double statistic = 0;
        for (int i = 0; i < reference.length; i++) {
            double categoryTotal = reference[i] + current[i];
            if (categoryTotal > 0) {
                statistic += term(reference[i], referenceTotal * categoryTotal / total);
                statistic += term(current[i], currentTotal * categoryTotal / total);
            }
        }
        int dof = categories - 1;
        return new Result(statistic, dof, Gamma.regularizedGammaQ(dof / 2.0, statistic / 2));
    }

    private static double term(final double observed, final double expected) {
        double difference = observed - expected;
        return difference * difference / expected;
    }
}
