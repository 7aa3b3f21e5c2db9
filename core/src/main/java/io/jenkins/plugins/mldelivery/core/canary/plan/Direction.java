package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * Which change of a metric hurts users: an increase (error rate, latency), a decrease (accuracy,
 * throughput), or either.
 */
public enum Direction {
    /** A higher canary value is a regression. */
    INCREASE,
    /** A lower canary value is a regression. */
    DECREASE,
    /** A change either way is a regression. */
    EITHER;

    /**
     * Says whether a rise of the metric is bad.
     *
     * @return true for {@link #INCREASE} and {@link #EITHER}
     */
    public boolean upIsBad() {
        return this != DECREASE;
    }

    /**
     * Says whether a fall of the metric is bad.
     *
     * @return true for {@link #DECREASE} and {@link #EITHER}
     */
    public boolean downIsBad() {
        return this != INCREASE;
    }
}
