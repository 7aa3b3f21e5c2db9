package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * What one version showed for one metric in one step, in brief.
 *
 * @param n      the number of values, or of trials for a rate
 * @param value  the median of the values, or the rate; {@code null} without data
 * @param events the number of events for a rate, else {@code null}
 */
public record SideSummary(long n, Double value, Long events) {
    /** The summary of no data. */
    public static final SideSummary NONE = new SideSummary(0, null, null);

    /**
     * Summarises an observation.
     *
     * @param observation the observation, or {@code null}
     * @return its summary
     */
    public static SideSummary of(final Observation observation) {
        if (observation == null || observation.isEmpty()) {
            return NONE;
        }
        if (observation instanceof Observation.Counts counts) {
            return new SideSummary(counts.trials(), counts.rate(), counts.events());
        }
        Observation.Values values = (Observation.Values) observation;
        return new SideSummary(values.size(), SpreadTest.median(values.values()), null);
    }
}
