package io.jenkins.plugins.mldelivery.core.canary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a rollout stands after one move of {@link ResumableRollout}: the state to keep until the next
 * move, when that move is due, what happened in this one, and the result once settled.
 *
 * @param state       the rollout's state as compact JSON (the state file's content), to hand back next time
 * @param settled     whether the rollout is promoted, rolled back, held or failed
 * @param nextAt      when to make the next move, or {@code null} once settled
 * @param transitions the transitions this move made, oldest first
 * @param result      the result once settled, else {@code null}
 */
public record RolloutMove(String state, boolean settled, Instant nextAt, List<Transition> transitions, CanaryResult result) {
    /** Validates and copies the fields. */
    public RolloutMove {
        Objects.requireNonNull(state, "state");
        transitions = List.copyOf(transitions);
        if (settled != (result != null)) {
            throw new IllegalArgumentException("a settled rollout has a result, an unsettled one has none");
        }
        if (!settled && nextAt == null) {
            throw new IllegalArgumentException("an unsettled rollout says when its next move is due");
        }
    }
}
