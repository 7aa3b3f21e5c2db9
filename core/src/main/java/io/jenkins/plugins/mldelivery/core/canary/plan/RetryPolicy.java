package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * How a metrics source is asked: each attempt may take up to {@code timeout}; a failed attempt is
 * repeated up to {@code retries} times, waiting {@code backoff}, then twice as long, and so on.
 *
 * @param retries how many times a failed request is repeated
 * @param backoff the wait before the first repetition; it doubles with each further one
 * @param timeout the longest one attempt may take
 */
public record RetryPolicy(int retries, Duration backoff, Duration timeout) {
    /** Three retries from one second, ten seconds per attempt. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** Validates the values. */
    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, found " + retries);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, found " + timeout);
        }
    }

    /**
     * Returns the wait before a repetition.
     *
     * @param attempt the number of the failed attempt, from 1
     * @return {@code backoff * 2^(attempt-1)}
     */
    public Duration backoffAfter(final int attempt) {
        return backoff.multipliedBy(1L << Math.min(20, attempt - 1));
    }
}
