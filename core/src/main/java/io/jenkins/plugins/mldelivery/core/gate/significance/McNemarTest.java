package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * McNemar's test of paired accuracy: do two classifiers, scored on the same rows, make errors on
 * different rows as often one way as the other? Only the discordant rows count: {@code b}, where
 * the challenger is right and the champion wrong, and {@code c}, the reverse.
 *
 * <p>Definition: McNemar, Q. (1947), "Note on the sampling error of the difference between
 * correlated proportions or percentages", Psychometrika 12(2), 153–157; the continuity correction
 * is Edwards' (1948). The statistic and p-value are those of statsmodels 0.15
 * {@code statsmodels.stats.contingency_tables.mcnemar([[0, b], [c, 0]], exact, correction)}:
 * exact is {@code min(b, c)} with the two-sided binomial p-value {@code min(1, 2 F(min(b,c); b+c, 1/2))};
 * the chi-squared forms are {@code (|b - c| - k)² / (b + c)} with {@code k} 1 (corrected) or 0, and
 * the upper tail of chi-squared with one degree of freedom.
 *
 * @param discordantChallenger {@code b}: rows the challenger gets right and the champion wrong
 * @param discordantChampion   {@code c}: rows the champion gets right and the challenger wrong
 * @param method               which form of the test was used
 * @param statistic            the test statistic
 * @param pValue               the two-sided p-value of "both kinds of disagreement are equally likely"
 */
public record McNemarTest(long discordantChallenger, long discordantChampion, Method method, double statistic, double pValue) {
    /** Below this many discordant rows, {@link #of(long, long)} uses the exact binomial test. */
    public static final long EXACT_BELOW = 25;

    /** The forms of McNemar's test. */
    public enum Method {
        /** The exact binomial test on the discordant rows. */
        EXACT("mcnemar-exact"),
        /** The chi-squared approximation with Edwards' continuity correction. */
        CHI_SQUARED_CORRECTED("mcnemar-chi2-corrected"),
        /** The chi-squared approximation without continuity correction. */
        CHI_SQUARED("mcnemar-chi2");

        private final String label;

        Method(final String label) {
            this.label = label;
        }

        /**
         * Returns the name the gate's result uses for this method.
         *
         * @return for example {@code mcnemar-exact}
         */
        public String label() {
            return label;
        }
    }

    /**
     * Runs the test, choosing the exact binomial form below {@value #EXACT_BELOW} discordant rows and
     * the continuity-corrected chi-squared form from there on.
     *
     * @param b rows the challenger gets right and the champion wrong
     * @param c rows the champion gets right and the challenger wrong
     * @return the test's outcome
     */
    public static McNemarTest of(final long b, final long c) {
        return of(b, c, b + c < EXACT_BELOW ? Method.EXACT : Method.CHI_SQUARED_CORRECTED);
    }

    /**
     * Runs one form of the test.
     *
     * @param b      rows the challenger gets right and the champion wrong
     * @param c      rows the champion gets right and the challenger wrong
     * @param method the form
     * @return the test's outcome; with no discordant row at all, the statistic is 0 and the p-value 1
     */
    public static McNemarTest of(final long b, final long c, final Method method) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + b + ", " + c);
        }
        long n = b + c;
        if (method == Method.EXACT) {
            long k = Math.min(b, c);
            double p = n == 0 ? 1 : Math.min(1, 2 * binomialHalfCdf(k, n));
            return new McNemarTest(b, c, method, k, p);
        }
        if (n == 0) {
            return new McNemarTest(b, c, method, 0, 1); // statsmodels gives NaN: no disagreement is no evidence
        }
        double correction = method == Method.CHI_SQUARED_CORRECTED ? 1 : 0;
        double difference = Math.abs(b - c) - correction;
        double statistic = difference * difference / n;
        return new McNemarTest(b, c, method, statistic, chiSquaredOneDegreeSurvival(statistic));
    }

    /** P(X ≤ k) for X ~ Binomial(n, 1/2). */
    private static double binomialHalfCdf(final long k, final long n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many discordant rows for the exact test: " + n);
        }
        return new BinomialDistribution(null, (int) n, 0.5).cumulativeProbability((int) k);
    }

    /** The chi-squared(1) upper tail: P(Z² ≥ x) = erfc(√(x/2)), accurate far into the tail. */
    private static double chiSquaredOneDegreeSurvival(final double x) {
        return Erf.erfc(Math.sqrt(x / 2));
    }
}
