package io.jenkins.plugins.mldelivery.core.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict of training twice from the same inputs.
 *
 * @param tolerance       the largest absolute difference between two runs' metric that still agrees
 * @param ignoredMetrics  metrics left out of the comparison (e.g. timings)
 * @param metricsAgree    whether every other metric agreed within the tolerance, and both runs reported the same names
 * @param modelIdentical  whether both runs wrote byte-identical model files under the same names
 * @param differences     the metrics that disagreed: name to the two runs' values ({@code null} where a run lacked it)
 * @param differingFiles  the model files whose content or presence differed
 * @param firstRunMetrics the first run's metrics (the result's {@code metrics} are the second run's)
 */
public record Reproducibility(double tolerance, List<String> ignoredMetrics, boolean metricsAgree, boolean modelIdentical,
        Map<String, List<Double>> differences, List<String> differingFiles, Map<String, Double> firstRunMetrics) {
    /** Validates and copies the fields. */
    public Reproducibility {
        ignoredMetrics = List.copyOf(ignoredMetrics);
        Objects.requireNonNull(differences, "differences");
        differences = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(differences));
        differingFiles = List.copyOf(differingFiles);
        firstRunMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(firstRunMetrics));
    }
}
