package io.jenkins.plugins.mldelivery.core.canary.router;

/**
 * Moves traffic between the stable version and the canary. Every operation is idempotent, so a
 * controller that restarts after a crash simply repeats the one it had announced in its state.
 * Failures are {@link io.jenkins.plugins.mldelivery.core.io.ExternalSystemException}s naming the
 * system, the request and its answer.
 */
public interface TrafficRouter extends AutoCloseable {
    /**
     * Gives the canary a share of traffic and the stable version the rest.
     *
     * @param weight the canary's percentage, 0 to 99
     */
    void setCanaryWeight(int weight);

    /** Makes the canary the new stable version and sends it all traffic; the canary slot is emptied. */
    void promote();

    /** Sends all traffic to the stable version and scales the canary down. */
    void rollback();

    /**
     * Reads where traffic is now, for messages after a failure; may itself fail.
     *
     * @return the current split
     */
    TrafficSnapshot snapshot();

    /**
     * Describes what this router moves, e.g. {@code HTTPRoute shop/credit-risk}.
     *
     * @return the description
     */
    String describe();

    /** Releases connections; the default has none. */
    @Override
    default void close() {
        // nothing to release
    }
}
