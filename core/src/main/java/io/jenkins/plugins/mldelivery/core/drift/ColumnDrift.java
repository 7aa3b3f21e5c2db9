package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One column's drift: the test that ran and why, its statistic and p-value (before and after
 * correction across columns), the effect size against its threshold, the verdict with a one-line
 * reason, the missing-share test, every measure computed, and both histograms on shared bins.
 * Numbers that do not apply are {@code null}, never NaN.
 *
 * @param name                 the column
 * @param type                 {@code numeric} or {@code categorical} (the reference's type when the sides disagree)
 * @param compared             whether any test could run
 * @param method               {@code ks-exact}, {@code ks-asymp}, {@code ks-sketch}, {@code chi-squared}, or {@code none}
 * @param methodReason         why this method: the column type and whether the values were kept exactly or sketched
 * @param statistic            the test statistic (KS distance D, chi-squared X²)
 * @param statisticErrorBound  the bound on the statistic's error from sketches (0 when exact)
 * @param pValue               the test's p-value (from sketches: the largest consistent with the error bound)
 * @param pValueAdjusted       the p-value after correction across all tests of the analysis
 * @param effectMeasure        {@code wasserstein}, {@code ks}, {@code psi}, {@code jensen-shannon}, or
 *                             {@code total-variation} (numeric column with a constant reference)
 * @param effectSize           the effect size
 * @param effectSizeErrorBound the bound on the effect size's error from sketches (0 when exact), where known
 * @param threshold            the effect size that matters
 * @param drifted              whether the column drifted under the policy
 * @param critical             whether the policy marks the column critical
 * @param reason               one line saying why the column drifted, did not, or was not compared
 * @param reference            the reference's counts, {@code null} when the column is absent there
 * @param current              the current side's counts, {@code null} when the column is absent there
 * @param measures             every measure computed for the column, by name
 * @param missing              the missing-share test, {@code null} when not compared
 * @param histogram            both sides on shared bins, {@code null} when not compared or without values
 */
public record ColumnDrift(String name, String type, boolean compared, String method, String methodReason,
        Double statistic, Double statisticErrorBound, Double pValue, Double pValueAdjusted, String effectMeasure,
        Double effectSize, Double effectSizeErrorBound, Double threshold, boolean drifted, boolean critical,
        String reason, ColumnCounts reference, ColumnCounts current, Map<String, Double> measures,
        MissingShareDrift missing, SharedHistogram histogram) {
    /** Checks that no number is NaN or infinite and copies the measures (in their order). */
    public ColumnDrift {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        requireFinite("statistic", statistic);
        requireFinite("statisticErrorBound", statisticErrorBound);
        requireFinite("pValue", pValue);
        requireFinite("pValueAdjusted", pValueAdjusted);
        requireFinite("effectSize", effectSize);
        requireFinite("effectSizeErrorBound", effectSizeErrorBound);
        requireFinite("threshold", threshold);
        measures.forEach((measure, value) -> requireFinite(measure, value));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** Returns a column that could not be compared, with the reason. */
    static ColumnDrift notCompared(final String name, final String type, final boolean critical, final String reason,
            final ColumnDistribution reference, final ColumnDistribution current) {
        return new ColumnDrift(name, type, false, "none", reason, null, null, null, null, null, null, null, null,
                false, critical, reason, ColumnCounts.of(reference), ColumnCounts.of(current), Map.of(), null, null);
    }

    /** Returns this column decided: its corrected p-values, its verdict and the reason for it. */
    ColumnDrift decided(final Double adjusted, final MissingShareDrift decidedMissing, final boolean hasDrifted,
            final String why) {
        return new ColumnDrift(name, type, compared, method, methodReason, statistic, statisticErrorBound, pValue,
                adjusted, effectMeasure, effectSize, effectSizeErrorBound, threshold, hasDrifted, critical, why,
                reference, current, measures, decidedMissing, histogram);
    }

    static void requireFinite(final String field, final Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite or absent, not " + value);
        }
    }
}
