package io.jenkins.plugins.mldelivery.core.drift;

/**
 * The Jensen-Shannon distance in base 2, sqrt(JSD(P, Q)) with JSD = ½ KL(P‖M) + ½ KL(Q‖M) and
 * M = ½ (P + Q) (Lin, "Divergence measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37,
 * 1991; Endres and Schindelin, 2003, for the square root being a metric). In base 2 it lies in
 * [0, 1]: 0 for equal distributions, 1 for disjoint ones. Matches
 * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}.
 */
final class JensenShannon {
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
        double divergence = (left + right) / Math.log(2) / 2;
        return Math.sqrt(Math.max(0, divergence));
    }

    private static double relativeEntropy(final double x, final double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }
}
