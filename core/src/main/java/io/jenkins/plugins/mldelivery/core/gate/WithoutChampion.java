package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.result.Status;

/**
 * What a rule about the champion does to the verdict when it cannot be decided: there is no
 * champion yet (the first model), or the champion lacks the metric the rule reads.
 */
public enum WithoutChampion {
    /** The skipped rule counts as passed: the first model goes through unopposed. */
    PASS(Status.PASSED),
    /** The skipped rule makes the gate a WARNING (the default; UNSTABLE in Jenkins). */
    WARN(Status.WARNING),
    /** The skipped rule fails the gate: nothing is promoted without a comparison. */
    FAIL(Status.FAILED);

    private final Status status;

    WithoutChampion(final Status status) {
        this.status = status;
    }

    /**
     * Returns the status a skipped rule gives the gate.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }
}
