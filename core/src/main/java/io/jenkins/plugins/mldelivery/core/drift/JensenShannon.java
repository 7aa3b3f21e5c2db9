package io.jenkins.plugins.mldelivery.core.drift;

/**
 * The Jensen-Shannon distance with natural logarithms, sqrt(JSD(P, Q)) with JSD = ½ KL(P‖M) + ½ KL(Q‖M)
 * and M = ½ (P + Q) (Lin, "Divergence measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37,
 * 1991; Endres and Schindelin, 2003, for the square root being a metric). With natural logarithms it
 * lies in [0, √ln 2 ≈ 0.8326]: 0 for equal distributions, √ln 2 for disjoint ones. This is the scale of
 * {@code scipy.spatial.distance.jensenshannon(p, q)} (its default base) and of Evidently, whose default
 * threshold 0.1 therefore means the same here; the base-2 distance is this one × 1/√ln 2 ≈ 1.2011.
 */
final class JensenShannon {
    /** The logarithm's base, as the result names it ({@code effectUnit}). */
    static final String UNIT = "natural-log";

    private JensenShannon() {
        // static functions only
    }

    /** Returns the distance between two count vectors over the same categories. */
    static double distance(final long[] reference, final long[] current) {
        double[] p = PopulationStabilityIndex.shares(reference);
        double[] q = PopulationStabilityIndex.shares(current);
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            left += relativeEntropy(p[i], m);
            right += relativeEntropy(q[i], m);
        }
        double divergence = (left + right) / 2;
        return Math.sqrt(Math.max(0, divergence));
    }

    private static double relativeEntropy(final double x, final double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }
}
