package io.jenkins.plugins.mldelivery.core.canary;

/**
 * Where a rollout is. The phases that call the router ({@link #SHIFTING}, {@link #PROMOTING},
 * {@link #ROLLING_BACK}) are persisted <em>before</em> the call, so a controller that dies in the
 * middle of one finds its intent in the state file and repeats the (idempotent) call.
 */
public enum RolloutPhase {
    /** Nothing has happened yet. */
    NEW,
    /** About to give the canary the current step's weight. */
    SHIFTING,
    /** The step's weight is set; waiting for its analysis to be due, then analysing. */
    ANALYSING,
    /** About to make the canary the stable version. */
    PROMOTING,
    /** About to send all traffic back to the stable version. */
    ROLLING_BACK,
    /** Done: the canary is the stable version. */
    PROMOTED,
    /** Done: all traffic is on the stable version, the canary is scaled down. */
    ROLLED_BACK,
    /** Stopped on an inconclusive analysis with traffic where it is, for a person to continue or roll back. */
    HELD,
    /** Done badly: the router failed and so did the rollback; the state's reason says where traffic is. */
    FAILED;

    /**
     * Says whether nothing more will happen without a person.
     *
     * @return true for the finished phases and {@link #HELD}
     */
    public boolean settled() {
        return this == PROMOTED || this == ROLLED_BACK || this == HELD || this == FAILED;
    }
}
