package io.jenkins.plugins.mldelivery.core.drift;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The survival function P(D_n &ge; x) of the two-sided one-sample Kolmogorov statistic, computed as
 * SciPy's {@code scipy.stats.kstwo.sf} does: the algorithm selection of Simard and L'Ecuyer,
 * "Computing the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Softw. 39(11), 2011. The
 * two-sample test's asymptotic p-value evaluates it at n = round(n1·n2/(n1+n2)), as
 * {@code scipy.stats.ks_2samp(method='asymp')} does.
 *
 * <ul>
 *   <li>x &le; 1/n and x &ge; 1 - 1/n: the exact closed forms of Ruben and Gambino (1982);</li>
 *   <li>the upper tail (n·x² &ge; 4 for n &le; 140, &ge; 2.2 above, or x &ge; 0.5): Miller's
 *       approximation 2·P(D_n⁺ &ge; x), with the one-sided Smirnov tail summed exactly by the
 *       Birnbaum-Tingey (1951) formula;</li>
 *   <li>elsewhere: Apache Commons Math's {@link KolmogorovSmirnovTest#cdf(double, int)}, which uses
 *       the Marsaglia-Tsang-Wang (2003) matrix method up to n = 140 and Pelz-Good (1976) above.</li>
 * </ul>
 */
final class KolmogorovDistribution {
    /** Below this n&middot;x&sup2; (for n &gt; 140) the tail is computed from the limiting distribution's small-z series. */
    private static final double SMALL_NX_SQUARED = 0.08;

    private static final KolmogorovSmirnovTest COMMONS = new KolmogorovSmirnovTest();
    /** Terms of the Birnbaum-Tingey sum this far (in log) below the largest add less than 1e-26 of it. */
    private static final double NEGLIGIBLE_LOG_TERM = 60;
    /** Up to this many terms the Birnbaum-Tingey sum is added term by term. */
    private static final int EXACT_TERMS = 20_000;

    private KolmogorovDistribution() {
        // static functions only
    }

    /**
     * Returns P(D_n &ge; x).
     *
     * @param n the sample size, at least 1
     * @param x the statistic
     * @return the survival probability, in [0, 1]
     */
    static double sf(final long n, final double x) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            if (t <= 0.5) {
                return 1;
            }
            // Ruben-Gambino: P(D_n < x) = n!/n^n (2t - 1)^n for 1/(2n) < x <= 1/n.
            double cdf = Math.exp(Gamma.logGamma(n + 1.0) - n * Math.log(n) + n * Math.log(2 * t - 1));
            return clip(1 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnovSf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                return clip(1 - COMMONS.cdf(x, (int) n));
            }
            return clip(2 * smirnovSf(n, x));
        }
        if (nxSquared >= 370) {
            return 0; // below 1e-300: SciPy returns 0 too
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnovSf(n, x));
        }
        if (nxSquared < SMALL_NX_SQUARED) {
            // Pelz-Good's series (Commons Math) does not converge this close to zero; here the CDF is
            // below 1e-11, and the limiting distribution's small-argument series gives it to that accuracy.
            return clip(1 - limitingCdfNearZero(Math.sqrt(nxSquared)));
        }
        if (n > Integer.MAX_VALUE) {
            // Commons Math takes an int; this far out the limiting distribution is accurate to ~1e-5.
            return clip(1 - COMMONS.ksSum(Math.sqrt(n) * x, 1e-20, 100_000));
        }
        return clip(1 - COMMONS.cdf(x, (int) n));
    }

    /**
     * Returns the Kolmogorov limiting CDF K(z) = &radic;(2&pi;)/z &middot; &Sigma;<sub>k&ge;1</sub>
     * exp(-(2k-1)&sup2;&pi;&sup2;/(8z&sup2;)) (Marsaglia, Tsang &amp; Wang 2003, eq. 2), which converges in a
     * few terms for small z, where the alternating series and Pelz-Good do not.
     */
    static double limitingCdfNearZero(final double z) {
        if (z <= 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 1; k <= 5; k++) {
            double odd = 2 * k - 1;
            sum += Math.exp(-odd * odd * Math.PI * Math.PI / (8 * z * z));
        }
        return Math.sqrt(2 * Math.PI) / z * sum;
    }

    /**
     * Returns the one-sided Smirnov tail P(D_n⁺ &ge; x) by the exact Birnbaum-Tingey sum
     * x·Σ_{j=0}^{⌊n(1-x)⌋} C(n,j) (1-x-j/n)^(n-j) (x+j/n)^(j-1), each term in logarithms. Up to
     * {@value #EXACT_TERMS} terms they are all added. Beyond, the terms rise to one peak and change
     * slowly with j (their logarithm is about -n·x²/(2t(1-t)) at t = j/n), but stay large across most
     * of the range, so the sum is integrated by Simpson's rule on at most {@value #EXACT_TERMS} points
     * over the terms within e^-{@value #NEGLIGIBLE_LOG_TERM} of the peak (checked against the full sum
     * to 4e-11 relative for n up to 5·10⁶).
     */
    static double smirnovSf(final long n, final double x) {
        if (x <= 0) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        long last = (long) Math.floor(n * (1 - x));
        if (last >= n || 1 - x - (double) last / n <= 0) {
            last--; // the term with 1 - x - j/n = 0 is zero
        }
        if (last < 0) {
            return 0;
        }
        double logNFactorial = Gamma.logGamma(n + 1.0);
        if (last <= EXACT_TERMS) {
            double max = Double.NEGATIVE_INFINITY;
            double[] logs = new double[(int) last + 1];
            for (int j = 0; j <= last; j++) {
                logs[j] = logTerm(n, x, j, logNFactorial);
                max = Math.max(max, logs[j]);
            }
            double sum = 0;
            for (double log : logs) {
                sum += Math.exp(log - max);
            }
            return x * sum * Math.exp(max);
        }
        long peak = peak(n, x, last, logNFactorial);
        double max = logTerm(n, x, peak, logNFactorial);
        long low = edge(n, x, peak, -1, 0, max, logNFactorial);
        long high = edge(n, x, peak, 1, last, max, logNFactorial);
        long step = Math.max(1, (high - low + EXACT_TERMS - 1) / EXACT_TERMS);
        long intervals = (high - low + step - 1) / step;
        intervals += intervals % 2; // Simpson's rule needs an even number of intervals
        double sum = 0;
        for (long k = 0; k <= intervals; k++) {
            long j = low + k * step;
            double weight = k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2;
            if (j <= last) { // beyond the last term the sum has nothing (and the point lies far in the tail)
                sum += weight * Math.exp(logTerm(n, x, j, logNFactorial) - max);
            }
        }
        return x * sum * step / 3 * Math.exp(max);
    }

    /** Finds the largest term of the Birnbaum-Tingey sum by ternary search (the terms are unimodal). */
    private static long peak(final long n, final double x, final long last, final double logNFactorial) {
        long low = 0;
        long high = last;
        while (high - low > 2) {
            long a = low + (high - low) / 3;
            long b = high - (high - low) / 3;
            if (logTerm(n, x, a, logNFactorial) < logTerm(n, x, b, logNFactorial)) {
                low = a + 1;
            }
            else {
                high = b;
            }
        }
        long peak = low;
        for (long j = low + 1; j <= high; j++) {
            if (logTerm(n, x, j, logNFactorial) > logTerm(n, x, peak, logNFactorial)) {
                peak = j;
            }
        }
        return peak;
    }

    /** Walks from the peak in doubling steps until the terms are negligible or the range ends. */
    private static long edge(final long n, final double x, final long peak, final int direction, final long end,
            final double max, final double logNFactorial) {
        long j = peak;
        for (long step = 1; j != end; step *= 2) {
            j = direction < 0 ? Math.max(end, j - step) : Math.min(end, j + step);
            if (logTerm(n, x, j, logNFactorial) < max - NEGLIGIBLE_LOG_TERM) {
                break;
            }
        }
        return j;
    }

    private static double logTerm(final long n, final double x, final long j, final double logNFactorial) {
        double logBinomial = logNFactorial - Gamma.logGamma(j + 1.0) - Gamma.logGamma(n - j + 1.0);
        return logBinomial + (n - j) * Math.log(1 - x - (double) j / n) + (j - 1) * Math.log(x + (double) j / n);
    }

    private static double clip(final double p) {
        return Math.max(0, Math.min(1, p));
    }
}
