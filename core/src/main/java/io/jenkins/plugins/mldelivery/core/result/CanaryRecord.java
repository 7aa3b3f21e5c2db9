package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A canary result ({@code ml-delivery canary --json}) as every reader sees it: the decision and each
 * analysis step.
 *
 * @param formatVersion the result format's version (1 when the file does not say)
 * @param step          {@code canary}
 * @param status        the step's status
 * @param timing        when it ran, or null
 * @param inputs        the files it read
 * @param decision      {@code PROMOTED}, {@code ROLLED_BACK} or {@code HELD}
 * @param reason        one line saying why, or null
 * @param steps         the analysis steps, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanaryRecord(Integer formatVersion, String step, Status status, Timing timing,
        List<InputIdentity> inputs, String decision, String reason,
        List<Step> steps) implements RecordedStep {
    /** Requires the step, status and decision. */
    public CanaryRecord {
        formatVersion = formatVersion == null ? 1 : formatVersion;
        Required.field(step, "step");
        Required.field(status, "status");
        Required.field(decision, "decision");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One analysis step of the rollout.
     *
     * @param weight   the canary's traffic weight, percent
     * @param score    the judge's score, or null
     * @param decision the step's decision, or null
     * @param reason   one line saying why, or null
     * @param metrics  each metric's classification
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(Double weight, Double score, String decision, String reason, List<Metric> metrics) {
        /** Copies the list. */
        public Step {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }
    }

    /**
     * How one metric of a step was judged.
     *
     * @param name           the metric
     * @param classification e.g. {@code PASS}, {@code HIGH}, {@code LOW}, or null
     * @param pValue         the test's p-value, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metric(String name, String classification, Double pValue) {
        /** Requires the name. */
        public Metric {
            Required.field(name, "name");
        }
    }
}
