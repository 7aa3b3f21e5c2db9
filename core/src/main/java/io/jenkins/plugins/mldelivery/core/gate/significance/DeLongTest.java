package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.apache.commons.math3.special.Erf;

import java.util.Arrays;

/**
 * DeLong's test for the difference of two correlated ROC AUCs, two models scored on the same rows,
 * computed with the fast algorithm of Sun and Xu (midranks instead of the quadratic pairwise
 * kernel, O(n log n)).
 *
 * <p>Definitions: DeLong, E. R., DeLong, D. M. and Clarke-Pearson, D. L. (1988), "Comparing the
 * areas under two or more correlated receiver operating characteristic curves: a nonparametric
 * approach", Biometrics 44(3), 837–845; Sun, X. and Xu, W. (2014), "Fast implementation of DeLong's
 * algorithm for comparing the areas under correlated receiver operating characteristic curves",
 * IEEE Signal Processing Letters 21(11), 1389–1393. Reference implementation: R's pROC
 * {@code roc.test(roc1, roc2, method = "delong", paired = TRUE)} (a higher score means the
 * positive class), which the tests match.
 *
 * @param aucChallenger the challenger's AUC
 * @param aucChampion   the champion's AUC
 * @param variance      the variance of {@code slope * aucChampion} subtracted from {@code aucChallenger}
 * @param difference    {@code aucChallenger - slope * aucChampion}
 * @param positives     the number of positive rows
 * @param negatives     the number of negative rows
 */
public record DeLongTest(double aucChallenger, double aucChampion, double variance, double difference,
        int positives, int negatives) {
    /**
     * Computes both AUCs and the variance of their difference.
     *
     * @param labels     the true classes, 0 or 1, one per row
     * @param challenger the challenger's scores for the positive class, one per row
     * @param champion   the champion's scores for the positive class, same rows
     * @return the test, for the plain difference {@code aucChallenger - aucChampion}
     * @throws IllegalArgumentException if the labels hold only one class
     */
    public static DeLongTest of(final byte[] labels, final double[] challenger, final double[] champion) {
        return of(labels, challenger, champion, 1);
    }

    /**
     * Computes both AUCs and the variance of {@code aucChallenger - slope * aucChampion}.
     *
     * @param labels     the true classes, 0 or 1, one per row
     * @param challenger the challenger's scores for the positive class, one per row
     * @param champion   the champion's scores for the positive class, same rows
     * @param slope      the factor on the champion's AUC (1 for the plain difference)
     * @return the test
     * @throws IllegalArgumentException if the labels hold only one class
     */
    public static DeLongTest of(final byte[] labels, final double[] challenger, final double[] champion, final double slope) {
        if (challenger.length != labels.length || champion.length != labels.length) {
            throw new IllegalArgumentException("labels and scores must have the same length");
        }
        int m = 0;
        for (byte label : labels) {
            m += label;
        }
        int n = labels.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("ROC AUC needs rows of both classes, found " + m + " positive and " + n + " negative");
        }
        Placements a = Placements.of(labels, challenger, m, n);
        Placements b = Placements.of(labels, champion, m, n);
        // S = S10/m + S01/n (Sun & Xu, eq. 4); the variance of a - k b is S_aa + k² S_bb - 2k S_ab.
        double s10 = covariance(a.positive, a.positive, a.auc, a.auc) + slope * slope * covariance(b.positive, b.positive, b.auc, b.auc)
                - 2 * slope * covariance(a.positive, b.positive, a.auc, b.auc);
        double s01 = covariance(a.negative, a.negative, a.auc, a.auc) + slope * slope * covariance(b.negative, b.negative, b.auc, b.auc)
                - 2 * slope * covariance(a.negative, b.negative, a.auc, b.auc);
        double variance = Math.max(0, s10 / m + s01 / n);
        return new DeLongTest(a.auc, b.auc, variance, a.auc - slope * b.auc, m, n);
    }

    /**
     * Returns the standard error of the difference.
     *
     * @return the square root of the variance
     */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /**
     * Returns the z statistic of the hypothesis that the difference is {@code margin}.
     *
     * @param margin the hypothesised difference (0 for "the AUCs are equal")
     * @return {@code (difference - margin) / standardError}; 0 when both are 0 (identical models)
     */
    public double z(final double margin) {
        double distance = difference - margin;
        if (variance == 0) {
            return distance == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, distance);
        }
        return distance / standardError();
    }

    /**
     * Returns the two-sided p-value of the hypothesis that the difference is {@code margin}.
     *
     * @param margin the hypothesised difference
     * @return {@code 2 (1 - Φ(|z|))}
     */
    public double pValue(final double margin) {
        return Erf.erfc(Math.abs(z(margin)) / Math.sqrt(2));
    }

    /**
     * Returns the normal-theory confidence interval of the difference, as pROC's {@code conf.int}.
     *
     * @param confidence the two-sided confidence level, such as 0.95
     * @return the interval
     */
    public Interval interval(final double confidence) {
        double z = Math.sqrt(2) * Erf.erfInv(confidence);
        return new Interval(difference - z * standardError(), difference + z * standardError());
    }

    /** The structural components of one model (Sun & Xu's V10 and V01) and its AUC. */
    private record Placements(double[] positive, double[] negative, double auc) {
        static Placements of(final byte[] labels, final double[] scores, final int m, final int n) {
            double[] x = new double[m];
            double[] y = new double[n];
            for (int i = 0, p = 0, q = 0; i < labels.length; i++) {
                if (labels[i] == 1) {
                    x[p++] = scores[i];
                }
                else {
                    y[q++] = scores[i];
                }
            }
            double[] z = new double[m + n];
            System.arraycopy(x, 0, z, 0, m);
            System.arraycopy(y, 0, z, m, n);
            double[] tx = Midranks.of(x);
            double[] ty = Midranks.of(y);
            double[] tz = Midranks.of(z);
            double[] v10 = new double[m];
            double[] v01 = new double[n];
            double rankSum = 0;
            for (int i = 0; i < m; i++) {
                v10[i] = (tz[i] - tx[i]) / n;
                rankSum += tz[i];
            }
            for (int j = 0; j < n; j++) {
                v01[j] = 1 - (tz[m + j] - ty[j]) / m;
            }
            double auc = (rankSum - m * (m + 1.0) / 2) / ((double) m * n);
            return new Placements(v10, v01, auc);
        }
    }

    /** The sample covariance (denominator k - 1) of two paired vectors with known means. */
    private static double covariance(final double[] u, final double[] v, final double meanU, final double meanV) {
        if (u.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += (u[i] - meanU) * (v[i] - meanV);
        }
        return sum / (u.length - 1);
    }

    /** Midranks: 1-based ranks where tied values share the mean of the ranks they span. */
    static final class Midranks {
        private Midranks() {
            // static computation only
        }

        static double[] of(final double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] ranks = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                int first = firstIndex(sorted, values[i]);
                int last = firstIndex(sorted, Math.nextUp(values[i])) - 1;
                ranks[i] = (first + last + 2) / 2.0;
            }
            return ranks;
        }

        /** The index of the first element not less than {@code value} in a sorted array. */
        private static int firstIndex(final double[] sorted, final double value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted[middle] < value) {
                    low = middle + 1;
                }
                else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
