package io.jenkins.plugins.mldelivery.core.canary.judge;

/**
 * Both versions' observations of one metric in one step; either may be {@code null} when the
 * source had no data for it.
 *
 * @param stable the stable version's observation, or {@code null}
 * @param canary the canary's observation, or {@code null}
 */
public record MetricSamples(Observation stable, Observation canary) {
    /**
     * Says whether both sides have data.
     *
     * @return whether neither observation is missing or empty
     */
    public boolean complete() {
        return stable != null && canary != null && !stable.isEmpty() && !canary.isEmpty();
    }
}
