package io.jenkins.plugins.mldelivery.core.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jenkins.plugins.mldelivery.core.gate.significance.ComparisonEvidence;
import io.jenkins.plugins.mldelivery.core.result.Status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one rule found: the values of both sides, whether it passed or was skipped, why, and for a
 * significance rule the evidence behind the decision.
 *
 * @param number         the rule's 1-based number in the order given
 * @param rule           the rule as written
 * @param severity       what breaking the rule does: fail the gate, or warn
 * @param status         what this rule contributes to the verdict
 * @param left           the left side's value, or {@code null} when skipped
 * @param right          the right side's value, or {@code null} when skipped
 * @param passed         whether the rule holds (false when skipped)
 * @param skipped        whether the rule could not be decided (no champion, or the champion lacks a metric)
 * @param pValue         for a significance rule, the test's two-sided p-value before correction; else {@code null}
 * @param pValueAdjusted for a significance rule, the p-value after the gate's correction; else {@code null}
 * @param values         every metric the rule read, as written in it ({@code champion.f1}, {@code accuracy[gender=F]}), to its value
 * @param reason         one sentence: why the rule passed, failed or was skipped
 * @param significance   for a significance rule, the evidence; else {@code null}
 */
public record RuleOutcome(int number, String rule, Severity severity, Status status, Double left, Double right,
        boolean passed, boolean skipped, Double pValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double pValueAdjusted,
        Map<String, Double> values, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) ComparisonEvidence significance) {
    /** Validates the fields. */
    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
