package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.util.Map;
import java.util.Objects;

/**
 * One metric the judge compares between the stable version and the canary.
 *
 * @param name          the metric's name, as the metrics source reports it ({@code error_rate})
 * @param kind          continuous values or a rate of events
 * @param direction     which change is a regression
 * @param allowedChange how much worse the canary may be before a significant change counts
 * @param critical      whether a regression of this metric fails the step whatever the score
 * @param mustHaveData  whether a step without data for this metric counts as a failure of it
 * @param weight        the metric's share of the step score (positive)
 * @param queries       source-specific queries ({@code query}, or {@code events} and {@code trials} for Prometheus)
 */
public record MetricSpec(String name, MetricKind kind, Direction direction, AllowedChange allowedChange,
        boolean critical, boolean mustHaveData, double weight, Map<String, String> queries) {
    /** Validates and copies the fields. */
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(allowedChange, "allowedChange");
        queries = Map.copyOf(queries);
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive, found " + weight);
        }
    }
}
