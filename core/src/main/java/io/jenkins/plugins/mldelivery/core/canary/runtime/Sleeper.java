package io.jenkins.plugins.mldelivery.core.canary.runtime;

import java.time.Duration;

/**
 * Waits; injected so that tests advance a fake clock instead of sleeping, and so that an
 * interrupted wait (a Jenkins build aborted) ends the rollout's wait at once.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the current thread. */
    Sleeper REAL = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + duration, e);
        }
    };

    /**
     * Waits for a duration; zero or negative durations return at once.
     *
     * @param duration how long to wait
     */
    void sleep(Duration duration);
}
