package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * How the judge spreads its false-alarm rate over the rollout's analyses (Lan and DeMets 1983).
 */
public enum SpendingFunction {
    /** Spends almost nothing early: early steps stop only on overwhelming evidence; the last look keeps nearly all its power. */
    OBRIEN_FLEMING,
    /** Spends evenly: stops earlier on clear regressions, at the price of less power at the last look. */
    POCOCK
}
