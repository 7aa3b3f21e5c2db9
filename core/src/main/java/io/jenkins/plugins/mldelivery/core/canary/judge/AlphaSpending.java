package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;

/**
 * The Lan-DeMets error-spending functions (Lan and DeMets 1983, <i>Biometrika</i> 70:659–663;
 * gsDesign's {@code sfLDOF} and {@code sfLDPocock}): the share of the false-alarm rate {@code α}
 * that may be spent by information fraction {@code t} in (0, 1].
 * <ul>
 * <li>O'Brien-Fleming type, {@code α(t) = 2 − 2 Φ(Φ⁻¹(1 − α/2) / √t)}: almost nothing at the early,
 * small looks, so only a clear regression stops the rollout there, and nearly the whole α for the
 * last look, which is then almost as powerful as a single fixed-horizon test.</li>
 * <li>Pocock type, {@code α(t) = α ln(1 + (e − 1) t)}: evenly spread, so clear regressions stop
 * earlier, and the last look is weaker.</li>
 * </ul>
 */
public final class AlphaSpending {
    private AlphaSpending() {
        // functions, no state
    }

    /**
     * Returns the error allowed to be spent up to an information fraction.
     *
     * @param function which spending function
     * @param alpha    the total false-alarm rate, spent fully at {@code t = 1}
     * @param fraction the information fraction; values above 1 count as 1
     * @return the cumulative error spent, 0 at {@code t = 0}
     */
    public static double spent(final SpendingFunction function, final double alpha, final double fraction) {
        if (fraction <= 0) {
            return 0;
        }
        double t = Math.min(1, fraction);
        if (function == SpendingFunction.POCOCK) {
            return Math.min(alpha, alpha * Math.log1p((Math.E - 1) * t));
        }
        return Math.min(alpha, 2 * MannWhitney.upperTail(MannWhitney.quantile(1 - alpha / 2) / Math.sqrt(t)));
    }

    /**
     * Returns the O'Brien-Fleming-type spending.
     *
     * @param alpha    the total false-alarm rate
     * @param fraction the information fraction
     * @return the cumulative error spent
     */
    public static double obrienFleming(final double alpha, final double fraction) {
        return spent(SpendingFunction.OBRIEN_FLEMING, alpha, fraction);
    }
}
