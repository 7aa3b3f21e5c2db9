package io.jenkins.plugins.mldelivery.core.canary.router;

/**
 * Where traffic is, as far as the router can tell.
 *
 * @param canaryWeight the canary's percentage of traffic, or {@code null} when unknown
 * @param description  one line saying what the router sees, e.g. {@code canary 25%, stable 75% (HTTPRoute shop/credit-risk)}
 */
public record TrafficSnapshot(Integer canaryWeight, String description) {
}
