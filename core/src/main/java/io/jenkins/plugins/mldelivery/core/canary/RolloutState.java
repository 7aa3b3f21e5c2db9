package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a controller needs to resume a rollout, written atomically to the state file after
 * every transition.
 *
 * @param format           the state file format, 1
 * @param planSha256       the SHA-256 of the plan the rollout follows; another plan may not resume it
 * @param owner            who runs the rollout now (a build, a host and process)
 * @param stable           the stable version as resolved when the rollout started (an alias may move later)
 * @param canary           the canary version as resolved when the rollout started
 * @param phase            where the rollout is
 * @param stepIndex        the current step's position in the plan's steps
 * @param canaryWeight     the canary's last confirmed percentage of traffic
 * @param targetWeight     while shifting, the weight being set; else {@code null}
 * @param startedAt        when the rollout started, or {@code null} before
 * @param stepStartedAt    when the current step's weight took effect
 * @param analysisDueAt    when the current step is to be analysed
 * @param updatedAt        when this state was written
 * @param steps            the analyses so far, oldest first
 * @param reason           why the rollout is rolling back, held, finished or failed
 * @param externalFailure  whether an external system (router, metrics source) caused the outcome
 * @param failedAnalysisAt when the analysis that triggered a rollback finished
 * @param finishedAt       when the rollout settled
 * @param rollbackMillis   the time from the failed analysis to the completed rollback
 * @param traffic          where traffic is, once settled
 * @param transitions      the log of phase changes
 */
public record RolloutState(int format, String planSha256, String owner, ModelIdentity stable, ModelIdentity canary, RolloutPhase phase, int stepIndex, int canaryWeight,
        Integer targetWeight, Instant startedAt, Instant stepStartedAt, Instant analysisDueAt, Instant updatedAt,
        List<StepRecord> steps, String reason, boolean externalFailure, Instant failedAnalysisAt, Instant finishedAt,
        Long rollbackMillis, String traffic, List<Transition> transitions) {
    /** Validates and copies. */
    public RolloutState {
        Objects.requireNonNull(planSha256, "planSha256");
        Objects.requireNonNull(phase, "phase");
        steps = steps == null ? List.of() : List.copyOf(steps);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /**
     * Returns the state of a rollout that has not started.
     *
     * @param planSha256 the plan's SHA-256
     * @param owner      who runs it
     * @param stable     the stable version, resolved
     * @param canary     the canary version, resolved
     * @param now        the current time
     * @return the new state
     */
    public static RolloutState start(final String planSha256, final String owner, final ModelIdentity stable,
            final ModelIdentity canary, final Instant now) {
        return new RolloutState(1, planSha256, owner, stable, canary, RolloutPhase.NEW, 0, 0, null, null, null, null, now, List.of(), null,
                false, null, null, null, null, List.of());
    }

    /**
     * Returns a builder that starts from this state.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a copy of a state, one field at a time. */
    public static final class Builder {
        private final RolloutState from;
        private String owner;
        private RolloutPhase phase;
        private int stepIndex;
        private int canaryWeight;
        private Integer targetWeight;
        private Instant startedAt;
        private Instant stepStartedAt;
        private Instant analysisDueAt;
        private final List<StepRecord> steps;
        private String reason;
        private boolean externalFailure;
        private Instant failedAnalysisAt;
        private Instant finishedAt;
        private Long rollbackMillis;
        private String traffic;

        private Builder(final RolloutState state) {
            from = state;
            owner = state.owner;
            phase = state.phase;
            stepIndex = state.stepIndex;
            canaryWeight = state.canaryWeight;
            targetWeight = state.targetWeight;
            startedAt = state.startedAt;
            stepStartedAt = state.stepStartedAt;
            analysisDueAt = state.analysisDueAt;
            steps = new ArrayList<>(state.steps);
            reason = state.reason;
            externalFailure = state.externalFailure;
            failedAnalysisAt = state.failedAnalysisAt;
            finishedAt = state.finishedAt;
            rollbackMillis = state.rollbackMillis;
            traffic = state.traffic;
        }

        /** @param value the owner @return this */
        public Builder owner(final String value) {
            owner = value;
            return this;
        }

        /** @param value the step index @return this */
        public Builder stepIndex(final int value) {
            stepIndex = value;
            return this;
        }

        /** @param value the confirmed canary weight @return this */
        public Builder canaryWeight(final int value) {
            canaryWeight = value;
            return this;
        }

        /** @param value the weight being set, or null @return this */
        public Builder targetWeight(final Integer value) {
            targetWeight = value;
            return this;
        }

        /** @param value when the rollout started @return this */
        public Builder startedAt(final Instant value) {
            startedAt = value;
            return this;
        }

        /** @param start when the step started @param due when it is analysed @return this */
        public Builder step(final Instant start, final Instant due) {
            stepStartedAt = start;
            analysisDueAt = due;
            return this;
        }

        /** @param value an analysis to append @return this */
        public Builder addStep(final StepRecord value) {
            steps.add(value);
            return this;
        }

        /** @param value why @return this */
        public Builder reason(final String value) {
            reason = value;
            return this;
        }

        /** @param value whether an external system caused the outcome @return this */
        public Builder externalFailure(final boolean value) {
            externalFailure = value;
            return this;
        }

        /** @param value when the analysis failed @return this */
        public Builder failedAnalysisAt(final Instant value) {
            failedAnalysisAt = value;
            return this;
        }

        /** @param at when it settled @param where where traffic is @return this */
        public Builder finished(final Instant at, final String where) {
            finishedAt = at;
            traffic = where;
            return this;
        }

        /** @param value the rollback time @return this */
        public Builder rollbackMillis(final Long value) {
            rollbackMillis = value;
            return this;
        }

        /**
         * Builds the state in a new phase, logging the transition.
         *
         * @param to      the new phase
         * @param now     the current time
         * @param message why, in one line
         * @return the new state
         */
        public RolloutState enter(final RolloutPhase to, final Instant now, final String message) {
            List<Transition> log = new ArrayList<>(from.transitions);
            log.add(new Transition(now, from.phase, to, message));
            phase = to;
            return new RolloutState(from.format, from.planSha256, owner, from.stable, from.canary, phase, stepIndex, canaryWeight, targetWeight, startedAt,
                    stepStartedAt, analysisDueAt, now, steps, reason, externalFailure, failedAnalysisAt, finishedAt,
                    rollbackMillis, traffic, log);
        }
    }
}
