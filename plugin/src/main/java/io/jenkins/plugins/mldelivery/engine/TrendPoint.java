package io.jenkins.plugins.mldelivery.engine;

import java.util.Map;
import java.util.Objects;

/**
 * The metrics one build recorded with {@code mlTrain}, for the job's metric trend.
 *
 * @param buildNumber      the build's number
 * @param displayName      the build's display name, e.g. {@code #42}
 * @param buildTimeSeconds when the build started, in seconds since the epoch
 * @param metrics          the metrics of the build's last {@code mlTrain} result
 */
public record TrendPoint(int buildNumber, String displayName, int buildTimeSeconds, Map<String, Double> metrics) {
    /** Validates the fields and copies the map. */
    public TrendPoint {
        Objects.requireNonNull(displayName, "displayName");
        metrics = Map.copyOf(metrics);
    }
}
