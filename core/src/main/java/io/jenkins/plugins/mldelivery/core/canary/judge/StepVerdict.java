package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * The judge's verdict on one analysed step, from its score and its critical metrics.
 */
public enum StepVerdict {
    /** The score reached the pass threshold and no critical metric regressed: go on. */
    PASS,
    /** The score fell between the marginal and pass thresholds, or there was no data: the plan's policy decides. */
    INCONCLUSIVE,
    /** A critical metric regressed or the score fell below the marginal threshold: roll back. */
    FAIL
}
