package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the rollout: the canary's share of traffic and how long it runs before its analysis.
 *
 * @param weight   the canary's percentage of traffic, 1 to 100; 100 is the promotion itself
 * @param interval how long the step runs before it is analysed
 */
public record TrafficStep(int weight, Duration interval) {
    /** Validates the weight and interval. */
    public TrafficStep {
        Objects.requireNonNull(interval, "interval");
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("weight must be from 1 to 100, found " + weight);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, found " + interval);
        }
    }

    /**
     * Says whether this step is analysed; the step at 100% has no stable traffic left to compare with.
     *
     * @return whether the weight is below 100
     */
    public boolean analysed() {
        return weight < 100;
    }
}
