package io.jenkins.plugins.mldelivery.core.canary.judge;

import java.util.Arrays;

/**
 * The Hodges-Lehmann estimate of the shift from the stable to the canary distribution (the median
 * of all pairwise differences canary − stable) and its distribution-free confidence interval from
 * the order statistics of those differences (Hodges and Lehmann 1963; Lehmann 1975, §2.6; Hollander,
 * Wolfe and Chicken 2014, §4.3, large-sample rank {@code C = ⌊mn/2 − z(1−α/2) √(mn(m+n+1)/12)⌋},
 * interval {@code [D(C), D(mn+1−C)]}). The m·n differences are never materialised: the k-th smallest
 * is selected by bisection over the ordered doubles with a linear two-pointer count, so memory
 * stays linear in the samples and the result is exact and deterministic.
 *
 * @param estimate   the median pairwise difference
 * @param lower      the interval's lower bound, or −∞ when the samples are too small for the confidence
 * @param upper      the interval's upper bound, or +∞ when the samples are too small for the confidence
 * @param confidence the interval's nominal two-sided confidence
 */
public record ShiftEstimate(double estimate, double lower, double upper, double confidence) {
    /**
     * Computes the estimate and interval.
     *
     * @param canary     the canary's values
     * @param stable     the stable version's values
     * @param confidence the two-sided confidence, e.g. 0.95
     * @return the estimate
     */
    public static ShiftEstimate of(final double[] canary, final double[] stable, final double confidence) {
        if (canary.length == 0 || stable.length == 0) {
            throw new IllegalArgumentException("a shift estimate needs two non-empty samples");
        }
        double[] c = canary.clone();
        double[] s = stable.clone();
        Arrays.sort(c);
        Arrays.sort(s);
        long total = (long) c.length * s.length;
        double median = total % 2 == 1 ? kthDifference(c, s, (total + 1) / 2)
                : (kthDifference(c, s, total / 2) + kthDifference(c, s, total / 2 + 1)) / 2;
        double m = c.length;
        double n = s.length;
        double z = MannWhitney.quantile(1 - (1 - confidence) / 2);
        long rank = (long) Math.floor(m * n / 2 - z * Math.sqrt(m * n * (m + n + 1) / 12));
        if (rank < 1) {
            return new ShiftEstimate(median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, confidence);
        }
        return new ShiftEstimate(median, kthDifference(c, s, rank), kthDifference(c, s, total + 1 - rank), confidence);
    }

    /**
     * Returns the k-th smallest difference {@code c[i] - s[j]} of two sorted arrays.
     *
     * @param c sorted canary values
     * @param s sorted stable values
     * @param k the rank, 1 to c.length * s.length
     * @return the k-th smallest difference
     */
    static double kthDifference(final double[] c, final double[] s, final long k) {
        long low = orderedBits(c[0] - s[s.length - 1]);
        long high = orderedBits(c[c.length - 1] - s[0]);
        // the answer is the smallest double d with count(d) >= k; count only steps at actual differences
        while (low < high) {
            long middle = (low & high) + ((low ^ high) >> 1); // floor of the mean without overflow
            if (countAtMost(c, s, fromOrderedBits(middle)) >= k) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return fromOrderedBits(low);
    }

    /** Counts pairs with {@code c[i] - s[j] <= d}; rounding is monotone, so each row's set is a suffix that only shrinks back. */
    private static long countAtMost(final double[] c, final double[] s, final double d) {
        long count = 0;
        int first = 0;
        for (double value : c) {
            while (first < s.length && value - s[first] > d) {
                first++;
            }
            count += s.length - first;
        }
        return count;
    }

    /** Maps doubles to longs whose order is the doubles' order (negative values reversed). */
    private static long orderedBits(final double value) {
        long bits = Double.doubleToLongBits(value + 0.0);
        return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
    }

    private static double fromOrderedBits(final long ordered) {
        return Double.longBitsToDouble(ordered < 0 ? ordered ^ Long.MAX_VALUE : ordered);
    }
}
