package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.Classification;
import io.jenkins.plugins.mldelivery.core.canary.judge.MetricVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a rollout, the {@code canary} step's JSON contract: {@code decision}, and
 * {@code steps[]} with {@code weight}, {@code score}, {@code decision} and {@code metrics[]}
 * ({@code name}, {@code classification}, {@code pValue}, …).
 *
 * @param step            always {@code canary}
 * @param status          PASSED when promoted, WARNING when held, FAILED otherwise
 * @param timing          from the rollout's start to its end
 * @param inputs          the plan and the files the metrics source read
 * @param decision        how the rollout ended
 * @param model           the model's name
 * @param stableVersion   the version that was serving
 * @param canaryVersion   the version rolled out
 * @param reason          why it ended so, in one line
 * @param traffic         where traffic is now
 * @param externalFailure whether an external system (router, metrics source) failed along the way
 * @param rollbackMillis  the time from the failed analysis to the completed rollback, or {@code null}
 * @param steps           each analysis, in order
 * @param transitions     the log of the rollout's phases
 * @param stateFile       the state file that lets the rollout resume
 */
public record CanaryResult(String step, Status status, Timing timing, List<InputIdentity> inputs, CanaryDecision decision,
        String model, String stableVersion, String canaryVersion, String reason, String traffic, boolean externalFailure,
        Long rollbackMillis, List<StepRecord> steps, List<Transition> transitions, String stateFile) implements StepResult {
    /** Validates and copies. */
    public CanaryResult {
        Objects.requireNonNull(decision, "decision");
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        transitions = List.copyOf(transitions);
    }

    /**
     * Returns the result of a settled rollout.
     *
     * @param plan      the plan, with its versions resolved
     * @param state     the settled state
     * @param inputs    the files read
     * @param stateFile the state file
     * @return the result
     * @throws IllegalStateException if the rollout has not settled
     */
    static CanaryResult of(final RolloutPlan plan, final RolloutState state, final List<InputIdentity> inputs, final Path stateFile) {
        CanaryDecision decision = switch (state.phase()) {
            case PROMOTED -> CanaryDecision.PROMOTED;
            case ROLLED_BACK -> CanaryDecision.ROLLED_BACK;
            case HELD -> CanaryDecision.HELD;
            case FAILED -> CanaryDecision.FAILED;
            default -> throw new IllegalStateException("the rollout is still " + state.phase());
        };
        Instant start = state.startedAt() == null ? state.updatedAt() : state.startedAt();
        Instant end = state.finishedAt() == null || state.finishedAt().isBefore(start) ? state.updatedAt() : state.finishedAt();
        if (end.isBefore(start)) {
            end = start;
        }
        return new CanaryResult("canary", statusOf(decision), new Timing(start, end, Duration.between(start, end).toMillis()),
                inputs, decision, plan.model(), plan.stable().version(), plan.canary().version(), state.reason(), state.traffic(),
                state.externalFailure(), state.rollbackMillis(), state.steps(), state.transitions(), stateFile.toString());
    }

    /**
     * Returns the status a decision gives the step.
     *
     * @param decision the decision
     * @return PASSED for a promotion, WARNING for a hold, FAILED otherwise
     */
    public static Status statusOf(final CanaryDecision decision) {
        return switch (decision) {
            case PROMOTED -> Status.PASSED;
            case HELD -> Status.WARNING;
            default -> Status.FAILED;
        };
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("canary ").append(model).append(' ').append(canaryVersion).append(" vs ").append(stableVersion).append(": ")
                .append(decision).append(" (").append(status).append(')');
        for (StepRecord record : steps) {
            text.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  step %d at %d%%: %s, score %s", record.index() + 1,
                    record.weight(), record.decision(), record.score() == null ? "-" : String.format(Locale.ROOT, "%.0f", record.score())));
            for (MetricVerdict metric : record.metrics()) {
                if (metric.classification() != Classification.PASS) {
                    text.append(System.lineSeparator()).append("    ").append(metric.name()).append(' ').append(metric.classification());
                }
            }
        }
        if (reason != null) {
            text.append(System.lineSeparator()).append("  reason: ").append(reason);
        }
        if (traffic != null) {
            text.append(System.lineSeparator()).append("  traffic: ").append(traffic);
        }
        if (rollbackMillis != null) {
            text.append(System.lineSeparator()).append("  rollback took ").append(rollbackMillis).append(" ms after the failed analysis");
        }
        return text.toString();
    }
}
