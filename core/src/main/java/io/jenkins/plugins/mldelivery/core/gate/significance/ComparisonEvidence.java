package io.jenkins.plugins.mldelivery.core.gate.significance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * What the predictions say about {@code challenger - slope * champion} for one metric: both values,
 * the difference, its confidence interval and the p-value of "the difference is {@code margin}".
 *
 * @param metric               the metric's name, slice included
 * @param method               the test that gave the p-value: {@code mcnemar-exact},
 *                             {@code mcnemar-chi2-corrected}, {@code delong} or {@code paired-bootstrap}
 * @param rows                 the number of paired rows compared
 * @param challenger           the challenger's metric on those rows
 * @param champion             the champion's metric on those rows
 * @param slope                the factor on the champion's metric
 * @param difference           {@code challenger - slope * champion}
 * @param margin               the difference the rule's threshold allows ({@code -0.01} in {@code f1 >= champion.f1 - 0.01})
 * @param confidence           the confidence level of the interval
 * @param interval             the two-sided confidence interval of the difference
 * @param intervalMethod       how the interval was computed: {@code delong-normal} or {@code paired-bootstrap-percentile}
 * @param statistic            the test statistic (McNemar's statistic, DeLong's z), or {@code null} for the bootstrap
 * @param pValue               the two-sided p-value of "the difference is {@code margin}", not yet corrected
 * @param resamples            the number of bootstrap resamples behind the interval or p-value, or {@code null}
 * @param seed                 the bootstrap's seed, or {@code null}
 * @param discordantChallenger for McNemar's test, the rows only the challenger gets right, else {@code null}
 * @param discordantChampion   for McNemar's test, the rows only the champion gets right, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonEvidence(String metric, String method, int rows, double challenger, double champion,
        double slope, double difference, double margin, double confidence, Interval interval, String intervalMethod,
        Double statistic, double pValue, Integer resamples, Long seed, Long discordantChallenger, Long discordantChampion) {
    /** Validates the fields. */
    public ComparisonEvidence {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(intervalMethod, "intervalMethod");
    }
}
