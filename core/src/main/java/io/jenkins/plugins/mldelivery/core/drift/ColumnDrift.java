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
 * @param effectUnit           the scale of the effect size: {@code reference-sd} (Wasserstein: W1 in reference
 *                             standard deviations), {@code natural-log} (Jensen-Shannon and PSI, natural logarithms),
 *                             {@code share} (KS distance, total variation)
 * @param effectSize           the effect size
 * @param effectSizeErrorBound the worst-case bound on the effect size's error from sketches (0 when exact), where known
 * @param effectSizeErrorBand  the error band of the effect size from sketches: the exact effect lies within ± this
 *                             of {@code effectSize} (either sign, no systematic one; 0 when exact), where known
 * @param threshold            the effect size that matters
 * @param effectNearThreshold  whether the threshold lies within the error band of the effect size, so that the
 *                             exact values could have decided the size the other way
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
        String effectUnit, Double effectSize, Double effectSizeErrorBound, Double effectSizeErrorBand, Double threshold,
        boolean effectNearThreshold, boolean drifted, boolean critical,
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
        requireFinite("effectSizeErrorBand", effectSizeErrorBand);
        requireFinite("threshold", threshold);
        measures.forEach((measure, value) -> requireFinite(measure, value));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** Returns a column that could not be compared, with the reason. */
    static ColumnDrift notCompared(final String name, final String type, final boolean critical, final String reason,
            final ColumnDistribution reference, final ColumnDistribution current) {
        return new ColumnDrift(name, type, false, "none", reason, null, null, null, null, null, null, null, null, null,
                null, false, false, critical, reason, ColumnCounts.of(reference), ColumnCounts.of(current), Map.of(), null, null);
    }

    /** Returns this column decided: its corrected p-values, its verdict and the reason for it. */
    ColumnDrift decided(final Double adjusted, final MissingShareDrift decidedMissing, final boolean hasDrifted,
            final String why) {
        return new ColumnDrift(name, type, compared, method, methodReason, statistic, statisticErrorBound, pValue,
                adjusted, effectMeasure, effectUnit, effectSize, effectSizeErrorBound, effectSizeErrorBand, threshold,
                effectNearThreshold, hasDrifted, critical, why,
                reference, current, measures, decidedMissing, histogram);
    }

    /**
     * Says whether a threshold lies within an effect size's error band, so that the exact values could
     * have put the effect on the other side of it.
     */
    static boolean nearThreshold(final double effect, final Double band, final double threshold) {
        return band != null && band > 0 && effect - band < threshold && threshold <= effect + band;
    }

    static void requireFinite(final String field, final Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite or absent, not " + value);
        }
    }
}
