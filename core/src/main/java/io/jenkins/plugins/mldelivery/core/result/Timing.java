package io.jenkins.plugins.mldelivery.core.result;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a step started and finished, and how long it took in milliseconds.
 *
 * @param startedAt      the instant the step started
 * @param finishedAt     the instant the step finished
 * @param durationMillis the elapsed time in milliseconds
 */
public record Timing(Instant startedAt, Instant finishedAt, long durationMillis) {
    /** Validates that the step did not finish before it started. */
    public Timing {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
    }

    /**
     * Returns the timing of a step that started at {@code start} and finishes now.
     *
     * @param start the instant the step started
     * @param clock the clock that says what now is
     * @return the timing from {@code start} to now
     */
    public static Timing since(final Instant start, final Clock clock) {
        Instant end = clock.instant();
        return new Timing(start, end, Duration.between(start, end).toMillis());
    }
}
