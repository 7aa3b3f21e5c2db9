package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.source.AnalysisWindow;
import io.jenkins.plugins.mldelivery.core.canary.source.Collected;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSource;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSourceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metrics source that serves a fixed number of requests per minute at given error rates, or fails.
 */
final class ScriptedSource implements MetricSource {
    final List<AnalysisWindow> windows = new ArrayList<>();
    private final double stableRate;
    private final double canaryRate;
    private final long requestsPerMinute;
    int failures;
    boolean retryable = true;

    ScriptedSource(final double stableRate, final double canaryRate, final long requestsPerMinute) {
        this.stableRate = stableRate;
        this.canaryRate = canaryRate;
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    public Collected collect(final AnalysisWindow window) {
        windows.add(window);
        if (failures > 0) {
            failures--;
            throw new MetricSourceException("prometheus http://127.0.0.1:9/: error_rate: Connection refused", retryable, null);
        }
        long minutes = Math.max(1, java.time.Duration.between(window.start(), window.end()).toMinutes());
        long canary = requestsPerMinute * minutes * window.weight() / 100;
        long stable = requestsPerMinute * minutes - canary;
        return new Collected(Map.of("error_rate", new MetricSamples(
                new Observation.Counts(Math.round(stable * stableRate), stable),
                new Observation.Counts(Math.round(canary * canaryRate), canary))), List.of());
    }
}
