package io.jenkins.plugins.mldelivery.core.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict on a model and the outcome of every rule: {@code PASSED}, {@code WARNING}
 * (a warning rule broke, or a champion rule could not be decided; UNSTABLE in Jenkins) or
 * {@code FAILED} (FAILURE in Jenkins).
 *
 * @param step       always {@code gate}
 * @param status     the verdict, as every step result carries it
 * @param verdict    the verdict
 * @param timing     when the gate ran
 * @param inputs     the files it read: metrics, predictions and any the caller added
 * @param champion   the champion compared with, or {@code null} for the first model
 * @param correction the multiple-testing correction of significance rules
 * @param rules      the outcome of each rule, in the order given
 */
public record GateResult(String step, Status status, Status verdict, Timing timing, List<InputIdentity> inputs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Champion champion, Correction correction, List<RuleOutcome> rules)
        implements StepResult {
    /** The step's name. */
    public static final String STEP = "gate";

    /** Validates the fields. */
    public GateResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(correction, "correction");
        inputs = List.copyOf(inputs);
        rules = List.copyOf(rules);
    }

    @Override
    @JsonProperty("summary")
    public String summary() {
        return GateSummary.of(this);
    }
}
