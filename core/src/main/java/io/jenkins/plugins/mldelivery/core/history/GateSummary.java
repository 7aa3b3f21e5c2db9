package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.GateRecord;


import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict and every rule's outcome.
 *
 * @param verdict the verdict, e.g. {@code PASSED} or {@code FAILED}
 * @param rules   the rules in the order the gate evaluated them
 */
public record GateSummary(String verdict, List<GateRecord.Rule> rules) {
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
    static GateSummary from(final GateRecord gate) {
        return new GateSummary(gate.verdict(), gate.rules());
    }

    /**
     * Returns the rules that were evaluated and did not hold.
     *
     * @return the failed rules
     */
    public List<GateRecord.Rule> failedRules() {
        return rules.stream().filter(GateRecord.Rule::failed).toList();
    }
}
