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
    private static final KolmogorovSmirnovTest COMMONS = new KolmogorovSmirnovTest();
    /** Terms of the Birnbaum-Tingey sum this far (in log) below the largest add less than 1e-26 of it. */
    private static final double NEGLIGIBLE_LOG_TERM = 60;

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
        return clip(1 - COMMONS.cdf(x, Math.toIntExact(n)));
    }

    /**
     * Returns the one-sided Smirnov tail P(D_n⁺ &ge; x) by the exact Birnbaum-Tingey sum
     * x·Σ_{j=0}^{⌊n(1-x)⌋} C(n,j) (1-x-j/n)^(n-j) (x+j/n)^(j-1), with each term in logarithms. The
     * terms rise to one peak and fall; beyond 20 000 terms only those near the peak are summed.
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
        if (last <= 20_000) {
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
        double max = logTerm(n, x, peak, logNFactorial);
        double sum = 1;
        for (long j = peak - 1; j >= 0; j--) {
            double relative = logTerm(n, x, j, logNFactorial) - max;
            sum += Math.exp(relative);
            if (relative < -NEGLIGIBLE_LOG_TERM) {
                break;
            }
        }
        for (long j = peak + 1; j <= last; j++) {
            double relative = logTerm(n, x, j, logNFactorial) - max;
            sum += Math.exp(relative);
            if (relative < -NEGLIGIBLE_LOG_TERM) {
                break;
            }
        }
        return x * sum * Math.exp(max);
    }

    private static double logTerm(final long n, final double x, final long j, final double logNFactorial) {
        double logBinomial = logNFactorial - Gamma.logGamma(j + 1.0) - Gamma.logGamma(n - j + 1.0);
        return logBinomial + (n - j) * Math.log(1 - x - (double) j / n) + (j - 1) * Math.log(x + (double) j / n);
    }

    private static double clip(final double p) {
        return Math.max(0, Math.min(1, p));
    }
}
