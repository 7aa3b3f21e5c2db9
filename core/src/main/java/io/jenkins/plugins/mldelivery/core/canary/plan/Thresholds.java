package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * The step score's thresholds, as in Kayenta and Argo Rollouts: a score at or above {@code pass}
 * passes, below {@code marginal} fails, and in between is inconclusive.
 *
 * @param pass     the lowest passing score, 0 to 100
 * @param marginal the lowest score that is not a failure, 0 to {@code pass}
 */
public record Thresholds(double pass, double marginal) {
    /** Kayenta's defaults: pass 95, marginal 75. */
    public static final Thresholds DEFAULT = new Thresholds(95, 75);

    /** Validates the order of the thresholds. */
    public Thresholds {
        if (!(pass >= 0 && pass <= 100 && marginal >= 0 && marginal <= pass)) {
            throw new IllegalArgumentException("expected 0 <= marginal <= pass <= 100, found pass " + pass + ", marginal " + marginal);
        }
    }
}
