package io.jenkins.plugins.mldelivery.core.training;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a training command ended: its exit code, whether it ran out of time, and the last lines it
 * printed (so a failure can be explained without scrolling through the whole log).
 *
 * @param exitCode   the process's exit code ({@code -1} when it was killed for running out of time)
 * @param timedOut   whether the timeout killed it
 * @param tail       the last lines of its standard output and standard error, merged in order
 * @param startedAt  when it started
 * @param finishedAt when it ended
 */
public record ProcessOutcome(int exitCode, boolean timedOut, List<String> tail, Instant startedAt, Instant finishedAt) {
    /** Validates and copies the fields. */
    public ProcessOutcome {
        tail = List.copyOf(tail);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * Says whether the command succeeded.
     *
     * @return whether it exited with code 0 before the timeout
     */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * Returns how long the command ran.
     *
     * @return the elapsed time in milliseconds
     */
    public long durationMillis() {
        return Duration.between(startedAt, finishedAt).toMillis();
    }
}
