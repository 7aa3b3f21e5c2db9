package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.CanaryRecord;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * How a canary rollout ended: its decision, how many steps it took, and where the last one stood.
 *
 * @param decision    {@code PROMOTED}, {@code ROLLED_BACK} or {@code HELD}
 * @param steps       how many analysis steps ran
 * @param finalWeight the traffic weight (percent) of the last step, or null
 * @param lastScore   the score of the last step, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanarySummary(String decision, int steps, Double finalWeight, Double lastScore) {
    /** Validates the fields. */
    public CanarySummary {
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * Reads a canary result.
     *
     * @param canary the result
     * @return the summary
     */
    static CanarySummary from(final CanaryRecord canary) {
        List<CanaryRecord.Step> steps = canary.steps();
        CanaryRecord.Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return new CanarySummary(canary.decision(), steps.size(), last == null ? null : last.weight(), last == null ? null : last.score());
    }
}
