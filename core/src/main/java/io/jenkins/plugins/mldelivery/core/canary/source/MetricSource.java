package io.jenkins.plugins.mldelivery.core.canary.source;

import io.jenkins.plugins.mldelivery.core.result.InputIdentity;

import java.util.List;

/**
 * Collects both versions' samples of every metric of the plan for one analysis window.
 * Failures are {@link MetricSourceException}s; the controller retries the retryable ones.
 */
public interface MetricSource extends AutoCloseable {
    /**
     * Collects the samples of a window.
     *
     * @param window the step, its weight and its time span
     * @return the samples by metric name, and notes for people
     * @throws MetricSourceException if the source cannot answer
     */
    Collected collect(AnalysisWindow window);

    /**
     * Returns the files this source reads (the replay's recorded requests), for the result's inputs.
     *
     * @return their identities
     */
    default List<InputIdentity> inputs() {
        return List.of();
    }

    /**
     * Checks every file the source will read before the rollout starts, so that a rollout that
     * cannot be analysed never moves traffic. The default has nothing to check.
     *
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the plan key and the file
     *         ({@code source.requests: FILE: no such file})
     */
    default void checkInputs() {
        // nothing to check
    }

    /** Releases connections; the default has none. */
    @Override
    default void close() {
        // nothing to release
    }
}
