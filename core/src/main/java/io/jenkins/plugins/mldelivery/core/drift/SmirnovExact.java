package io.jenkins.plugins.mldelivery.core.drift;

/**
 * The exact null distribution of the two-sample, two-sided Smirnov statistic: P(D &ge; h/lcm(m, n))
 * as the share of the C(m+n, n) equally likely lattice paths from (0, 0) to (m, n) that touch or
 * cross the band |x/m - y/n| &lt; h/lcm (Hodges, "The significance probability of the Smirnov
 * two-sample test", Arkiv för Matematik 3, 1958). The values match
 * {@code scipy.stats.ks_2samp(method='exact')}.
 */
final class SmirnovExact {
    private SmirnovExact() {
        // static functions only
    }

    /**
     * Returns the share of paths that leave the band, for unequal or equal sizes. Works on the
     * probability a random path to (i, j) has already left, b(i, j) = (i·b(i-1, j) + j·b(i, j-1)) / (i + j)
     * inside the band and 1 outside it: a convex combination, so tiny p-values keep their precision.
     * The work is about m·2·h/(m/g) steps.
     *
     * @param m first sample size
     * @param n second sample size
     * @param g gcd(m, n)
     * @param h the statistic times lcm(m, n), at least 1
     * @return P(D &ge; h/lcm)
     */
    static double sf(final long m, final long n, final long g, final long h) {
        long big = Math.max(m, n);
        int small = Math.toIntExact(Math.min(m, n));
        long bigStep = big / g;   // lcm / small: the band in units of y
        long smallStep = small / g; // lcm / big: the band in units of x
        // Point (i, j) is inside when |i·smallStep - j·bigStep| < h.
        // Multiplying by a table of reciprocals instead of dividing halves the time of the inner loop.
        double[] reciprocal = new double[(int) (big + small) + 1];
        for (int k = 1; k < reciprocal.length; k++) {
            reciprocal[k] = 1.0 / k;
        }
        double[] previous = new double[small + 1];
        double[] current = new double[small + 1];
        int previousLow = 0;
        int previousHigh = (int) Math.min(small, (h - 1) / bigStep);
        // Column i = 0: the single path up the y axis has not left the band while inside it (b = 0).
        for (long i = 1; i <= big; i++) {
            long centre = i * smallStep;
            int low = (int) Math.max(0, Math.floorDiv(centre - h, bigStep) + 1);
            int high = (int) Math.min(small, Math.floorDiv(centre + h - 1, bigStep));
            if (low > high) {
                return 1;
            }
            double left = 1; // b(i, low - 1) lies outside the band, or does not exist (low = 0, weight 0)
            for (int j = low; j <= high; j++) {
                double below = j >= previousLow && j <= previousHigh ? previous[j] : 1;
                double value = (i * below + j * left) * reciprocal[(int) i + j];
                current[j] = value;
                left = value;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
            previousLow = low;
            previousHigh = high;
        }
        return previous[small];
    }

    /**
     * Returns P(D &ge; h/n) for two samples of n values each by the reflection principle:
     * 2·Σ_{k&ge;1} (-1)^(k-1) C(2n, n-kh) / C(2n, n), evaluated innermost term first as nested
     * products so that no subtraction cancels.
     *
     * @param n the size of each sample
     * @param h the statistic times n, at least 1
     * @return P(D &ge; h/n)
     */
    static double sfEqualSizes(final long n, final long h) {
        double p = 0;
        for (long k = n / h; k >= 0; k--) {
            double ratio = 1;
            for (long j = 0; j < h; j++) {
                ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
            }
            p = ratio * (1 - p);
        }
        return 2 * p;
    }
}
