package io.jenkins.plugins.mldelivery.core.gate.rule;

/**
 * Whose metric a rule reads: the model under test, or the champion it must beat ({@code champion.f1}).
 */
public enum Side {
    /** The model this run produced; its metrics are written bare: {@code f1}. */
    CHALLENGER(""),
    /** The model the registry's champion alias points at; its metrics are written {@code champion.f1}. */
    CHAMPION("champion.");

    private final String prefix;

    Side(final String prefix) {
        this.prefix = prefix;
    }

    /**
     * Returns how a metric of this side is written in a rule.
     *
     * @param metric the metric name
     * @return for example {@code champion.f1}
     */
    public String qualify(final String metric) {
        return prefix + metric;
    }
}
