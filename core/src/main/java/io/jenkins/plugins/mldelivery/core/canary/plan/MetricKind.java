package io.jenkins.plugins.mldelivery.core.canary.plan;

/**
 * How a metric's samples are compared: as continuous values (ranks) or as a rate of events among
 * trials. A zero-heavy metric such as an error rate is a rate: ranking its many tied zeros hides
 * a doubling that a test on the counts sees at once.
 */
public enum MetricKind {
    /** Continuous values, one per request or per scrape: Mann-Whitney, Hodges-Lehmann, spread check. */
    CONTINUOUS,
    /** Events among trials (errors among requests): a test on two proportions. */
    RATE
}
