package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict and every rule's outcome.
 *
 * @param verdict the verdict, e.g. {@code PASSED} or {@code FAILED}
 * @param rules   the rules in the order the gate evaluated them
 */
public record GateSummary(String verdict, List<RuleOutcome> rules) {
    /** Copies the list. */
    public GateSummary {
        Objects.requireNonNull(verdict, "verdict");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * Reads a gate result.
     *
     * @param gate the result
     * @return the summary
     */
    static GateSummary from(final JsonNode gate) {
        String verdict = JsonFields.text(gate, "verdict");
        if (verdict == null) {
            verdict = JsonFields.text(gate, "status");
        }
        return new GateSummary(verdict == null ? "UNKNOWN" : verdict,
                JsonFields.array(gate, "rules").stream().map(RuleOutcome::from).filter(Objects::nonNull).toList());
    }

    /**
     * Returns the rules that were evaluated and did not hold.
     *
     * @return the failed rules
     */
    public List<RuleOutcome> failedRules() {
        return rules.stream().filter(RuleOutcome::failed).toList();
    }
}
