package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;

/**
 * The judge's verdict on one metric at one step, with the evidence behind it.
 *
 * @param name           the metric
 * @param classification Pass, High, Low or NoData
 * @param pValue         the location test's nominal p-value over all looks so far, or {@code null} without data
 * @param reason         one line saying why, with the numbers
 * @param kind           continuous or rate
 * @param stable         the stable version's data in this step
 * @param canary         the canary's data in this step
 * @param estimate       the Hodges-Lehmann shift (continuous, this step) or the difference of rates (over all steps so far)
 * @param ciLower        the 95% Hodges-Lehmann interval's lower bound (continuous only), or {@code null}
 * @param ciUpper        the 95% Hodges-Lehmann interval's upper bound (continuous only), or {@code null}
 * @param location       the sequential location test (Mann-Whitney or proportions), or {@code null} without data
 * @param spread         the sequential spread test (continuous only), or {@code null}
 */
public record MetricVerdict(String name, Classification classification, Double pValue, String reason, MetricKind kind,
        SideSummary stable, SideSummary canary, Double estimate, Double ciLower, Double ciUpper,
        TestLook location, TestLook spread) {
}
