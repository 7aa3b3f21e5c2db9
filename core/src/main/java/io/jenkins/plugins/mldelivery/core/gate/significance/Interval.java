package io.jenkins.plugins.mldelivery.core.gate.significance;

/**
 * A confidence interval.
 *
 * @param low  the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {
    /** Validates that the bounds are in order. */
    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
    }
}
