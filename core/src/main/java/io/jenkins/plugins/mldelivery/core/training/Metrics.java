package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics a training run reported: flat names to numbers, plus the per-epoch series some of
 * them came from (a series' metric is its last value).
 *
 * @param values the metrics, in the order the files list them
 * @param series the series, by the same names as their metrics
 */
public record Metrics(Map<String, Double> values, Map<String, List<Double>> series) {
    /** Copies the maps, keeping their order. */
    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        series.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        series = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns no metrics.
     *
     * @return the empty metrics
     */
    public static Metrics none() {
        return new Metrics(Map.of(), Map.of());
    }

    /**
     * Returns these metrics and another file's together.
     *
     * @param other    the other file's metrics
     * @param thisFile the file (or files) these came from, for the error message
     * @param thatFile the file the other metrics came from
     * @return both sets
     * @throws BadInputException if a metric name appears in both
     */
    public Metrics and(final Metrics other, final String thisFile, final String thatFile) {
        Map<String, Double> merged = new LinkedHashMap<>(values);
        for (Map.Entry<String, Double> metric : other.values.entrySet()) {
            if (merged.putIfAbsent(metric.getKey(), metric.getValue()) != null) {
                throw new BadInputException("metric '" + metric.getKey() + "' is in both " + thisFile + " and " + thatFile
                        + "; rename one of them");
            }
        }
        Map<String, List<Double>> mergedSeries = new LinkedHashMap<>(series);
        mergedSeries.putAll(other.series);
        return new Metrics(merged, mergedSeries);
    }
}
