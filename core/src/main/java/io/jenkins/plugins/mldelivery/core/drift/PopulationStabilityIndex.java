package io.jenkins.plugins.mldelivery.core.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * The population stability index, PSI = Σ (c_i - r_i)·ln(c_i / r_i) over bins with reference share
 * r_i and current share c_i (Siddiqi, "Credit Risk Scorecards", Wiley 2006; Yurdakul, "Statistical
 * properties of population stability index", 2018): the symmetrised Kullback-Leibler divergence of
 * the binned distributions. An empty bin's share is replaced by {@value #EPSILON} (as Evidently
 * does) so that the logarithm is defined. Numeric columns are binned at the reference's deciles.
 */
final class PopulationStabilityIndex {
    /** The share given to an empty bin. */
    static final double EPSILON = 1e-4;

    private PopulationStabilityIndex() {
        // static functions only
    }

    /** Returns the PSI of two share vectors over the same bins. */
    static double of(final double[] reference, final double[] current) {
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = reference[i] == 0 ? EPSILON : reference[i];
            double c = current[i] == 0 ? EPSILON : current[i];
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /** Returns the PSI of two count vectors over the same bins. */
    static double ofCounts(final long[] reference, final long[] current) {
        return of(shares(reference), shares(current));
    }

    /**
     * Returns the inner bin edges at the reference's quantiles i/bins (i = 1 … bins-1) by the
     * inverted CDF, duplicates removed: bins are (-∞, e1], (e1, e2], …, (e_last, ∞).
     */
    static double[] referenceQuantileEdges(final NumericDistribution reference, final int bins) {
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < bins; i++) {
            double edge = reference.quantile(i, bins);
            if (edges.isEmpty() || edges.get(edges.size() - 1) < edge) {
                edges.add(edge);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the counts of a distribution in the bins (-∞, e1], (e1, e2], …, (e_last, ∞). */
    static long[] binCounts(final NumericDistribution distribution, final double[] innerEdges) {
        long[] counts = new long[innerEdges.length + 1];
        long below = 0;
        for (int i = 0; i < innerEdges.length; i++) {
            long atOrBelow = distribution.countAtOrBelow(innerEdges[i]);
            counts[i] = atOrBelow - below;
            below = atOrBelow;
        }
        counts[innerEdges.length] = distribution.present() - below;
        return counts;
    }

    /** Returns the PSI of two numeric distributions on the reference's quantile bins. */
    static double numeric(final NumericDistribution reference, final NumericDistribution current, final int bins) {
        double[] edges = referenceQuantileEdges(reference, bins);
        return ofCounts(binCounts(reference, edges), binCounts(current, edges));
    }

    static double[] shares(final long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return shares;
    }
}
