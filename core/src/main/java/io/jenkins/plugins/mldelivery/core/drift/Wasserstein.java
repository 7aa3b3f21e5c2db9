package io.jenkins.plugins.mldelivery.core.drift;

/**
 * The first Wasserstein (earth mover's) distance between two one-dimensional distributions,
 * W1 = ∫ |F1(x) - F2(x)| dx (Vallender, "Calculation of the Wasserstein distance between probability
 * distributions on the line", Theory Probab. Appl. 18, 1974), as {@code scipy.stats.wasserstein_distance}
 * computes it: the step CDFs' difference integrated between consecutive observed values.
 *
 * <p>From sketches each CDF is off by at most its rank error ε everywhere, so the distance is off
 * by at most (ε1 + ε2) times the width of the combined range.
 */
final class Wasserstein {
    private Wasserstein() {
        // static functions only
    }

    /** Returns W1 between the two step CDFs. */
    static double distance(final NumericDistribution a, final NumericDistribution b) {
        double[] xa = a.points();
        double[] xb = b.points();
        long[] ca = a.atOrBelow();
        long[] cb = b.atOrBelow();
        double na = a.present();
        double nb = b.present();
        double total = 0;
        double previous = 0;
        double gap = 0;
        boolean started = false;
        int i = 0;
        int j = 0;
        while (i < xa.length || j < xb.length) {
            double x = j >= xb.length || i < xa.length && xa[i] <= xb[j] ? xa[i] : xb[j];
            if (started) {
                total += gap * (x - previous);
            }
            while (i < xa.length && xa[i] <= x) {
                i++;
            }
            while (j < xb.length && xb[j] <= x) {
                j++;
            }
            gap = Math.abs((i == 0 ? 0 : ca[i - 1]) / na - (j == 0 ? 0 : cb[j - 1]) / nb);
            previous = x;
            started = true;
        }
        return total;
    }

    /** Returns the bound on |Ŵ1 - W1| that the sketches' rank errors allow. */
    static double errorBound(final NumericDistribution a, final NumericDistribution b) {
        double error = a.rankError() + b.rankError();
        if (error == 0) {
            return 0;
        }
        return error * (Math.max(a.max(), b.max()) - Math.min(a.min(), b.min()));
    }
}
