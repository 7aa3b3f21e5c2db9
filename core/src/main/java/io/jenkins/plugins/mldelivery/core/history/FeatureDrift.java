package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.Objects;

/**
 * The drift of one feature as the validate step reported it: the test, its p-value (raw and
 * corrected for multiple testing), the effect size and the threshold it must exceed to matter.
 *
 * @param name           the column name
 * @param type           the column type, e.g. {@code numeric} or {@code categorical}, or null
 * @param method         the test, e.g. {@code ks-exact} or {@code chi-squared}, or null
 * @param statistic      the test statistic, or null
 * @param pValue         the raw p-value, or null
 * @param pValueAdjusted the p-value after multiple-testing correction, or null
 * @param effectMeasure  what the effect size measures, e.g. {@code wasserstein} or {@code psi}, or null
 * @param effectSize     the effect size, or null when the step could not compute one
 * @param threshold      the effect size above which drift matters, or null
 * @param drifted        whether the step declared the feature drifted
 * @param reason         one line saying why it drifted or did not, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureDrift(String name, String type, String method, Double statistic, Double pValue,
        Double pValueAdjusted, String effectMeasure, Double effectSize, Double threshold, boolean drifted, String reason) {
    /**
     * Orders features from most to least drifted: declared drift first, then by effect size relative
     * to its threshold (so features tested with different methods compare fairly), then by name.
     */
    public static final Comparator<FeatureDrift> MOST_DRIFTED_FIRST = Comparator
            .comparing(FeatureDrift::drifted).reversed()
            .thenComparing(Comparator.comparingDouble(FeatureDrift::severity).reversed())
            .thenComparing(FeatureDrift::name);

    /** Validates the fields. */
    public FeatureDrift {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Reads one entry of the contract's {@code drift.columns[]}.
     *
     * @param column the column's drift
     * @return the feature's drift
     */
    static FeatureDrift from(final ValidateRecord.Column column) {
        return new FeatureDrift(column.name(), column.type(), column.method(), column.statistic(), column.pValue(),
                column.pValueAdjusted(), column.effectMeasure(), column.effectSize(), column.threshold(), column.drifted(),
                column.reason());
    }

    /**
     * Names the effect size for people: its measure, or the test when the step names no measure.
     *
     * @return e.g. {@code wasserstein}, or an en dash when neither is known
     */
    public String measure() {
        return effectMeasure != null ? effectMeasure : method != null ? method : "–";
    }

    /**
     * Returns the effect size in units of its threshold: above 1 the change is large enough to matter.
     *
     * @return effect size / threshold, the plain effect size without a positive threshold, 0 without an effect size
     */
    public double severity() {
        if (effectSize == null) {
            return 0;
        }
        return threshold == null || threshold <= 0 ? effectSize : effectSize / threshold;
    }
}
