package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.result.Status;

/**
 * What a rule that does not hold does to the gate's verdict: fail it (FAILURE in Jenkins), or only
 * warn (UNSTABLE in Jenkins), for rules a team watches before it enforces them.
 */
public enum Severity {
    /** A broken rule fails the gate. */
    FAIL(Status.FAILED),
    /** A broken rule makes the gate a WARNING. */
    WARN(Status.WARNING);

    private final Status status;

    Severity(final Status status) {
        this.status = status;
    }

    /**
     * Returns the status a broken rule of this severity gives the gate.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }
}
