package io.jenkins.plugins.mldelivery.core.canary;

/**
 * How a rollout ended.
 */
public enum CanaryDecision {
    /** The canary is the stable version now. */
    PROMOTED,
    /** All traffic is back on the stable version. */
    ROLLED_BACK,
    /** Traffic is held at the last step's weight for a person to decide. */
    HELD,
    /** The router failed and the rollback did too; the result's {@code traffic} says where traffic is. */
    FAILED
}
