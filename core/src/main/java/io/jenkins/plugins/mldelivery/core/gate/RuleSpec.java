package io.jenkins.plugins.mldelivery.core.gate;

import java.util.Objects;

/**
 * A rule as the user gave it, with what breaking it does to the gate.
 *
 * @param text     the rule, such as {@code accuracy >= 0.85}
 * @param severity whether a broken rule fails the gate or only warns
 */
public record RuleSpec(String text, Severity severity) {
    /** Validates the fields. */
    public RuleSpec {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * Returns a rule that fails the gate when broken.
     *
     * @param text the rule
     * @return the rule spec
     */
    public static RuleSpec failing(final String text) {
        return new RuleSpec(text, Severity.FAIL);
    }

    /**
     * Returns a rule that only warns when broken.
     *
     * @param text the rule
     * @return the rule spec
     */
    public static RuleSpec warning(final String text) {
        return new RuleSpec(text, Severity.WARN);
    }
}
