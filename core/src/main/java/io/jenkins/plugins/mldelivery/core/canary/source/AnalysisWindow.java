package io.jenkins.plugins.mldelivery.core.canary.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an analysis asks the source for: one analysed step, its canary weight and its span of time.
 *
 * @param step   the step's position among the analysed steps, from 0
 * @param weight the canary's percentage of traffic during the step
 * @param start  when the step's traffic split took effect
 * @param end    when the analysis runs
 */
public record AnalysisWindow(int step, int weight, Instant start, Instant end) {
    /** Validates the span. */
    public AnalysisWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * Returns the window's length, at least one second (Prometheus' smallest useful range).
     *
     * @return the length rounded up to whole seconds
     */
    public Duration length() {
        long millis = Duration.between(start, end).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }
}
