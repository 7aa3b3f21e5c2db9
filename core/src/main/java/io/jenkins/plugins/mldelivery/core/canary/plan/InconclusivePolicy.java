package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * What the rollout does when an analysis can reach no verdict: the metrics source stayed down
 * after its retries, every metric had no data, or the score fell between the marginal and pass
 * thresholds.
 */
public enum InconclusivePolicy {
    /** Roll back: no evidence is no promotion. */
    ROLLBACK,
    /** Keep the traffic where it is and stop, for a person to continue or roll back. */
    HOLD
}
