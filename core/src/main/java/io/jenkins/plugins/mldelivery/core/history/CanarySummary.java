package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

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
    static CanarySummary from(final JsonNode canary) {
        String decision = JsonFields.text(canary, "decision");
        List<JsonNode> steps = JsonFields.array(canary, "steps");
        JsonNode last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return new CanarySummary(decision == null ? "UNKNOWN" : decision, steps.size(),
                JsonFields.number(last, "weight"), JsonFields.number(last, "score"));
    }
}
