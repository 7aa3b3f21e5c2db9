package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * The Lan-DeMets error-spending function of O'Brien-Fleming type,
 * {@code α(t) = 2 − 2 Φ(Φ⁻¹(1 − α/2) / √t)} for the information fraction {@code t} in (0, 1]
 * (Lan and DeMets 1983, <i>Biometrika</i> 70:659–663; gsDesign's {@code sfLDOF}). It spends almost
 * nothing at the early, small looks, so only a clear regression stops the rollout there, and
 * leaves nearly the whole α for the last look, which is then almost as powerful as a single
 * fixed-horizon test.
 */
public final class AlphaSpending {
    private AlphaSpending() {
        // a function, no state
    }

    /**
     * Returns the error allowed to be spent up to an information fraction.
     *
     * @param alpha    the total false-alarm rate, spent fully at {@code t = 1}
     * @param fraction the information fraction; values above 1 count as 1
     * @return the cumulative error spent, 0 at {@code t = 0}
     */
    public static double obrienFleming(final double alpha, final double fraction) {
        if (fraction <= 0) {
            return 0;
        }
        double t = Math.min(1, fraction);
        return Math.min(alpha, 2 * MannWhitney.upperTail(MannWhitney.quantile(1 - alpha / 2) / Math.sqrt(t)));
    }
}
