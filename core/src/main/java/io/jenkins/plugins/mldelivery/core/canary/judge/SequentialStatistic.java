package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;

/**
 * The state of one group-sequential test at the current look: the steps' own statistics combined
 * by the inverse-normal method, {@code Z_k = Σ √ΔI_j z_j / √Σ ΔI_j} (Lehmacher and Wassmer 1999,
 * <i>Biometrics</i> 55:1286–1290), which gives the canonical joint distribution whatever the
 * traffic of each step, and needs only each step's {@code z} and information to be remembered.
 *
 * @param combinedZ the cumulative statistic, oriented so that large is bad (for a two-sided test, signed)
 * @param critical  this look's critical value, or {@code null} when this look may spend no error
 * @param pValue    the nominal p-value of the cumulative statistic (one- or two-sided)
 * @param threshold the nominal p-value the critical value corresponds to; {@code pValue <= threshold} stops
 * @param crossed   whether the boundary was reached at this look
 */
public record SequentialStatistic(double combinedZ, Double critical, double pValue, double threshold, boolean crossed) {
    /**
     * Evaluates the test at its latest look.
     *
     * @param increments the information each look with data added, oldest first
     * @param zs         each look's own statistic, oriented like the result
     * @param fractions  each look's planned information fraction
     * @param alpha      the test's false-alarm rate over all looks
     * @param twoSided   whether both tails reject
     * @param spending   the spending function
     * @return the statistic at the latest look
     */
    public static SequentialStatistic evaluate(final double[] increments, final double[] zs, final double[] fractions,
            final double alpha, final boolean twoSided, final SpendingFunction spending) {
        double[] cumulative = new double[increments.length];
        double information = 0;
        double weighted = 0;
        for (int i = 0; i < increments.length; i++) {
            information += increments[i];
            weighted += Math.sqrt(increments[i]) * zs[i];
            cumulative[i] = information;
        }
        double z = weighted / Math.sqrt(information);
        double[] critical = GroupSequentialBoundary.criticalValues(cumulative, fractions, alpha, twoSided, spending);
        double c = critical[critical.length - 1];
        double p = twoSided ? Math.min(1, 2 * MannWhitney.upperTail(Math.abs(z))) : MannWhitney.upperTail(z);
        boolean finite = Double.isFinite(c);
        double threshold = !finite ? 0 : twoSided ? 2 * MannWhitney.upperTail(c) : MannWhitney.upperTail(c);
        boolean crossed = finite && (twoSided ? Math.abs(z) >= c : z >= c);
        return new SequentialStatistic(z, finite ? c : null, p, threshold, crossed);
    }
}
