package io.jenkins.plugins.mldelivery.core.drift;

/**
 * What a column's change must be for the column to count as drifted.
 */
public enum DecisionRule {
    /**
     * The default: significant after correction AND an effect size at or above the threshold.
     * Large samples make every p-value tiny, so significance alone flags changes too small to matter.
     */
    SIGNIFICANT_AND_LARGE("significant-and-large"),
    /** Significant after correction, whatever the effect size (the p-value-only rule of many tools). */
    SIGNIFICANT("significant"),
    /** An effect size at or above the threshold, whatever the p-value. */
    LARGE("large");

    private final String label;

    DecisionRule(final String label) {
        this.label = label;
    }

    /**
     * Returns the name used in JSON and in policies.
     *
     * @return for example {@code significant-and-large}
     */
    public String label() {
        return label;
    }

    /**
     * Applies the rule.
     *
     * @param significant whether the corrected p-value is at most alpha
     * @param large       whether the effect size reaches the threshold
     * @return whether the change counts as drift
     */
    public boolean drifted(final boolean significant, final boolean large) {
        return switch (this) {
            case SIGNIFICANT_AND_LARGE -> significant && large;
            case SIGNIFICANT -> significant;
            case LARGE -> large;
        };
    }
}
