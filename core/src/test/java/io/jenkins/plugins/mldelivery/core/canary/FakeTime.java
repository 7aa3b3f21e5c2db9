package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when the sleeper sleeps, so rollouts of hours run in milliseconds.
 */
final class FakeTime extends Clock implements Sleeper {
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    FakeTime(final Instant start) {
        now = start;
    }

    @Override
    public synchronized void sleep(final Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative() && !duration.isZero()) {
            now = now.plus(duration);
        }
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }
}
