package io.jenkins.plugins.mldelivery.core.drift;

import java.util.Objects;

/**
 * Whether a column's share of missing values changed: Pearson's chi-squared test on the 2×2 table
 * (side × missing or present, one degree of freedom, no continuity correction) and the absolute
 * change of the share as effect size. Not applicable (null p-value) when no side has a missing value
 * or no side has a present one.
 *
 * @param referenceShare the reference's share of missing values
 * @param currentShare   the current side's share of missing values
 * @param statistic      the chi-squared statistic, or {@code null} when not applicable
 * @param pValue         its p-value, or {@code null}
 * @param pValueAdjusted its p-value after correction across all tests, or {@code null}
 * @param effectSize     |currentShare - referenceShare|
 * @param threshold      the change that matters
 * @param drifted        whether the change counts as drift under the policy's rule
 */
public record MissingShareDrift(double referenceShare, double currentShare, Double statistic, Double pValue,
        Double pValueAdjusted, double effectSize, double threshold, boolean drifted) {
    /** Checks that every number is finite. */
    public MissingShareDrift {
        ColumnDrift.requireFinite("missing statistic", statistic);
        ColumnDrift.requireFinite("missing pValue", pValue);
        ColumnDrift.requireFinite("missing pValueAdjusted", pValueAdjusted);
        ColumnDrift.requireFinite("missing effectSize", effectSize);
    }

    /** Tests the missing shares of two sides of a column. */
    static MissingShareDrift test(final ColumnCounts reference, final ColumnCounts current, final double threshold) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(current, "current");
        double effect = Math.abs(current.missingShare() - reference.missingShare());
        long missing = reference.missing() + current.missing();
        long present = reference.present() + current.present();
        if (missing == 0 || present == 0) {
            return new MissingShareDrift(reference.missingShare(), current.missingShare(), null, null, null, effect,
                    threshold, false);
        }
        ChiSquaredHomogeneity.Result chi = ChiSquaredHomogeneity.test(
                new long[] {reference.missing(), reference.present()}, new long[] {current.missing(), current.present()});
        return new MissingShareDrift(reference.missingShare(), current.missingShare(), chi.statistic(), chi.pValue(),
                null, effect, threshold, false);
    }

    /** Returns this test decided: its corrected p-value and whether it drifted. */
    MissingShareDrift decided(final Double adjusted, final boolean hasDrifted) {
        return new MissingShareDrift(referenceShare, currentShare, statistic, pValue, adjusted, effectSize, threshold,
                hasDrifted);
    }
}
