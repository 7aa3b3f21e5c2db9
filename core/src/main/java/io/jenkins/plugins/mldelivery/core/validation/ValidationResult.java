package io.jenkins.plugins.mldelivery.core.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.drift.DriftReport;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;

import java.util.List;
import java.util.Objects;

/**
 * The result of the validate step: the row count, every schema violation, and the drift against
 * the reference (absent without one). It fails on any violation or on dataset drift, and warns when
 * some columns drifted without dataset drift.
 *
 * @param status     the outcome
 * @param timing     when it ran
 * @param inputs     the data, then the schema, the reference and the drift policy when given
 * @param rows       the data's row count
 * @param violations the broken rules, in schema column order, then table-level ones
 * @param drift      the drift against the reference, or {@code null} without a reference
 */
@JsonPropertyOrder({"step", "status", "timing", "inputs", "rows", "violations", "drift"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationResult(Status status, Timing timing, List<InputIdentity> inputs, long rows,
        List<Violation> violations, DriftReport drift) implements StepResult {
    /** The step's name. */
    public static final String STEP = "validate";
    private static final int LISTED_VIOLATIONS = 10;

    /** Checks the fields and copies the lists. */
    public ValidationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timing, "timing");
        inputs = List.copyOf(inputs);
        violations = List.copyOf(violations);
    }

    @Override
    @JsonProperty("step")
    public String step() {
        return STEP;
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(STEP).append(": ").append(status).append(" - ")
                .append(String.format(java.util.Locale.ROOT, "%,d", rows)).append(rows == 1 ? " row, " : " rows, ")
                .append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
        if (drift != null) {
            text.append(drift.datasetDrift() ? ", dataset drift" : ", no dataset drift");
        }
        for (int i = 0; i < violations.size() && i < LISTED_VIOLATIONS; i++) {
            text.append(System.lineSeparator()).append("  ").append(violations.get(i).describe());
        }
        if (violations.size() > LISTED_VIOLATIONS) {
            text.append(System.lineSeparator()).append("  ... and ").append(violations.size() - LISTED_VIOLATIONS)
                    .append(" more (see --json)");
        }
        if (drift != null) {
            text.append(System.lineSeparator()).append(drift.summary());
        }
        return text.toString();
    }
}
