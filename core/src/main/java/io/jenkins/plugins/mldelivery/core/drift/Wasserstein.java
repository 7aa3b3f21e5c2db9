package io.jenkins.plugins.mldelivery.core.drift;

/**
 * The first Wasserstein (earth mover's) distance between two one-dimensional distributions,
 * W1 = ∫ |F1(x) - F2(x)| dx (Vallender, "Calculation of the Wasserstein distance between probability
 * distributions on the line", Theory Probab. Appl. 18, 1974), as {@code scipy.stats.wasserstein_distance}
 * computes it: the step CDFs' difference integrated between consecutive observed values.
 *
 * <p>From sketches each CDF carries the compaction's rank noise: zero on average at every point, but
 * the absolute value in the integral turns it into an upward bias wherever the two CDFs are close
 * (on an unchanged column everywhere, on a shifted one in the tails). {@link #estimate} removes most of
 * it with the exact means the profiles keep: since ∫ (F1 - F2) dx = μ2 - μ1 exactly, the signed part of
 * the sketched integral is replaced by the exact one, W1 = |μ1 - μ2| + 2 ∫ (the part of F1 - F2 of the
 * minority sign), so noise only enters through that minority part. The error that remains is stated as
 * a band ({@link #errorBand}); the rigorous worst case is {@link #errorBound}.</p>
 */
final class Wasserstein {
    /**
     * The error band in units of Σ ε · {@link #noiseWidth} (both sides' rank errors times the widths their
     * noise adds up over). Measured on 480 seeded pairs (normal, log-normal, integer counts, exponential;
     * 1.5·10⁴ to 5·10⁴ values; shifts 0 and 0.1σ; {@code WassersteinSketchErrorTest}) the largest error
     * was 0.24 of this unit; 0.5 leaves a margin of two.
     */
    static final double BAND_FACTOR = 0.5;

    private Wasserstein() {
        // static functions only
    }

    /** Returns W1 between the two step CDFs, as SciPy computes it. */
    static double distance(final NumericDistribution a, final NumericDistribution b) {
        return integrals(a, b)[0];
    }

    /**
     * Returns the estimate of W1 between the distributions the two sides summarise: {@link #distance}
     * when both are exact, else with the signed part of the integral replaced by the exact mean difference.
     */
    static double estimate(final NumericDistribution a, final NumericDistribution b) {
        double[] integrals = integrals(a, b);
        if (a.isExact() && b.isExact()) {
            return integrals[0];
        }
        double exactSigned = Math.abs(a.mean() - b.mean());
        // ∫|Δ| - |∫Δ| is twice the minority-sign part of the sketched Δ: never negative, so neither is the estimate
        return exactSigned + Math.max(0, integrals[0] - Math.abs(integrals[1]));
    }

    /** Returns ∫|Fa - Fb| dx and ∫(Fa - Fb) dx over the two step CDFs, in one pass and a fixed order. */
    private static double[] integrals(final NumericDistribution a, final NumericDistribution b) {
        double[] xa = a.points();
        double[] xb = b.points();
        long[] ca = a.atOrBelow();
        long[] cb = b.atOrBelow();
        double na = a.present();
        double nb = b.present();
        double total = 0;
        double signed = 0;
        double previous = 0;
        double gap = 0;
        boolean started = false;
        int i = 0;
        int j = 0;
        while (i < xa.length || j < xb.length) {
            double x = j >= xb.length || i < xa.length && xa[i] <= xb[j] ? xa[i] : xb[j];
            if (started) {
                total += Math.abs(gap) * (x - previous);
                signed += gap * (x - previous);
            }
            while (i < xa.length && xa[i] <= x) {
                i++;
            }
            while (j < xb.length && xb[j] <= x) {
                j++;
            }
            gap = (i == 0 ? 0 : ca[i - 1]) / na - (j == 0 ? 0 : cb[j - 1]) / nb;
            previous = x;
            started = true;
        }
        return new double[] {total, signed};
    }

    /** Returns the bound on |Ŵ1 - W1| that the sketches' rank errors allow. */
    static double errorBound(final NumericDistribution a, final NumericDistribution b) {
        double error = a.rankError() + b.rankError();
        if (error == 0) {
            return 0;
        }
        return error * (Math.max(a.max(), b.max()) - Math.min(a.min(), b.min()));
    }

    /**
     * Returns the error band of {@link #estimate}: the exact W1 lies within ± this of it (either sign),
     * {@link #BAND_FACTOR} × (ε_a · E_a|X - median| + ε_b · E_b|X - median|); 0 when both sides are exact.
     */
    static double errorBand(final NumericDistribution a, final NumericDistribution b) {
        if (a.isExact() && b.isExact()) {
            return 0;
        }
        return BAND_FACTOR * (a.rankError() * noiseWidth(a) + b.rankError() * noiseWidth(b));
    }

    /**
     * Returns the width over which a sketch's rank noise adds up in the integral: its mean absolute
     * deviation E|X - median| for the body, plus both tails from the ε/8 to the ε quantile and from
     * 1 - ε to 1 - ε/8, where the sketch holds few items far apart (long for skewed or heavy-tailed
     * columns). Quantiles rather than the extremes, so one outlier or a billion rows do not widen it.
     */
    static double noiseWidth(final NumericDistribution d) {
        long scale = 1L << 20; // ranks times 2^20 stay exact in a long up to 8·10^12 values
        long outer = Math.round(d.rankError() / 8 * scale);
        long inner = Math.round(d.rankError() * scale);
        return meanAbsoluteDeviation(d) + (d.quantile(inner, scale) - d.quantile(outer, scale))
                + (d.quantile(scale - outer, scale) - d.quantile(scale - inner, scale));
    }

    /** Returns E|X - median| = ∫ min(F, 1 - F) dx over the step CDF. */
    static double meanAbsoluteDeviation(final NumericDistribution d) {
        double[] x = d.points();
        long[] c = d.atOrBelow();
        double n = d.present();
        double total = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double f = c[i] / n;
            total += Math.min(f, 1 - f) * (x[i + 1] - x[i]);
        }
        return total;
    }
}
