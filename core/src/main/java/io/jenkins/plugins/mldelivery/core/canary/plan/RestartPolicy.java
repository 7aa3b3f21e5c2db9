package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * What a controller that finds an unfinished rollout in its state file does.
 */
public enum RestartPolicy {
    /** Continue where the previous controller stopped, repeating its last traffic change. */
    RESUME,
    /** Roll the canary back before anything else. */
    ROLLBACK
}
