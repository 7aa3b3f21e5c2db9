package io.jenkins.plugins.mldelivery.core.canary;

import java.time.Instant;

/**
 * One entry of a rollout's log: a change of phase and why.
 *
 * @param at      when it happened
 * @param from    the phase before
 * @param to      the phase after
 * @param message what happened, in one line
 */
public record Transition(Instant at, RolloutPhase from, RolloutPhase to, String message) {
}
