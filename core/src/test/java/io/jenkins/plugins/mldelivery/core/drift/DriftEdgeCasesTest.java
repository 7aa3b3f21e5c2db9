package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns that cannot be compared the usual way get a defined outcome and a one-line reason, and
 * nothing undefined (NaN, infinity) reaches the JSON.
 */
public class DriftEdgeCasesTest {
    private static final double[] NONE = {};

    private static NumericDistribution values(final long missing, final double... values) {
        return NumericDistribution.ofValues(values, missing);
    }

    private static double[] repeat(final double value, final int times) {
        double[] values = new double[times];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private static ColumnDrift compare(final ColumnDistribution reference, final ColumnDistribution current) {
        DriftReport report = DriftAnalysis.compare(Map.of("x", reference), Map.of("x", current), DriftPolicy.defaults());
        assertThat(ResultJson.toJson(report)).doesNotContain("NaN").doesNotContain("Infinity");
        return report.column("x").orElseThrow();
    }

    @Test
    public void shouldMeasureTheShareOfValuesAwayFromAConstantReference() {
        double[] current = repeat(1.0, 500);
        for (int i = 0; i < 100; i++) {
            current[i] = 2.0;
        }

        ColumnDrift moved = compare(values(0, repeat(1.0, 500)), values(0, current));
        ColumnDrift same = compare(values(0, repeat(1.0, 500)), values(0, repeat(1.0, 400)));

        assertThat(moved.effectMeasure()).isEqualTo("total-variation");
        assertThat(moved.effectSize()).isEqualTo(0.2);
        assertThat(moved.threshold()).isEqualTo(0.1);
        assertThat(moved.drifted()).isTrue();
        assertThat(moved.methodReason()).endsWith("the reference is constant (σ = 0), so the effect is the share of current values away from it");
        assertThat(moved.measures()).doesNotContainKey("wassersteinNormed");
        assertThat(same.drifted()).isFalse();
        assertThat(same.effectSize()).isZero();
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.histogram().binning()).isEqualTo("single-value");
    }

    @Test
    public void shouldNotCompareAColumnWithoutCurrentRows() {
        ColumnDrift column = compare(values(0, 1, 2, 3), values(0, NONE));

        assertThat(column.compared()).isFalse();
        assertThat(column.drifted()).isFalse();
        assertThat(column.method()).isEqualTo("none");
        assertThat(column.reason()).isEqualTo("the current data has no rows");
        assertThat(column.pValue()).isNull();
        assertThat(column.effectSize()).isNull();
    }

    @Test
    public void shouldNotCompareAColumnPresentOnOneSideOnly() {
        Map<String, ColumnDistribution> reference = new LinkedHashMap<>();
        reference.put("kept", values(0, 1, 2, 3));
        reference.put("dropped", values(0, 1, 2, 3));
        Map<String, ColumnDistribution> current = new LinkedHashMap<>();
        current.put("added", values(0, 1, 2, 3));
        current.put("kept", values(0, 1, 2, 3));

        DriftReport report = DriftAnalysis.compare(reference, current, DriftPolicy.defaults());

        assertThat(report.columns()).extracting(ColumnDrift::name).containsExactly("kept", "dropped", "added");
        assertThat(report.columns()).extracting(ColumnDrift::reason).containsExactly(
                "no drift: distribution (p_adj = 1 > 0.05, wasserstein = 0 < 0.1)",
                "absent from the current data", "absent from the reference");
        assertThat(report.comparedColumns()).isEqualTo(1);
        assertThat(report.column("dropped").orElseThrow().current()).isNull();
    }

    @Test
    public void shouldFlagAColumnThatBecameAllMissing() {
        ColumnDrift column = compare(values(5, ReferenceSamples.sample(1, 95, 0, 1, null)), values(100, NONE));

        assertThat(column.compared()).isTrue();
        assertThat(column.method()).isEqualTo("none");
        assertThat(column.pValue()).isNull();
        assertThat(column.missing().currentShare()).isEqualTo(1.0);
        assertThat(column.drifted()).isTrue();
        assertThat(column.reason()).startsWith("drifted: the current data has no non-missing values: only the missing "
                + "share is tested; missing share 5.0% → 100.0% (p_adj = ");
    }

    @Test
    public void shouldNotCompareAColumnMissingEverywhere() {
        ColumnDrift column = compare(values(10, NONE), values(20, NONE));

        assertThat(column.compared()).isFalse();
        assertThat(column.reason()).isEqualTo("all values are missing on both sides");
    }

    @Test
    public void shouldNotCompareAColumnWhoseTypeChanged() {
        ColumnDrift column = compare(values(0, 1, 2, 3), CategoricalDistribution.of(Map.of("a", 3L), 0));

        assertThat(column.compared()).isFalse();
        assertThat(column.type()).isEqualTo("numeric");
        assertThat(column.reason()).isEqualTo("numeric in the reference but categorical in the current data");
    }

    @Test
    public void shouldLeaveOutAnIgnoredColumnAndSayWhenNothingWasCompared() {
        DriftPolicy policy = DriftPolicy.builder().column("x", ColumnPolicy.ignoredColumn()).build();

        DriftReport report = DriftAnalysis.compare(Map.of("x", values(0, 1, 2)), Map.of("x", values(0, 5, 6)), policy);

        assertThat(report.column("x").orElseThrow().reason()).isEqualTo("ignored by the drift policy");
        assertThat(report.comparedColumns()).isZero();
        assertThat(report.driftedShare()).isZero();
        assertThat(report.datasetDrift()).isFalse();
        assertThat(report.reason()).isEqualTo("no column could be compared");
    }

    @Test
    public void shouldGiveASingleCategoryOnBothSidesNoChange() {
        ColumnDrift column = compare(CategoricalDistribution.of(Map.of("only", 10L), 0),
                CategoricalDistribution.of(Map.of("only", 30L), 0));

        assertThat(column.statistic()).isZero();
        assertThat(column.pValue()).isEqualTo(1.0);
        assertThat(column.effectSize()).isZero();
        assertThat(column.drifted()).isFalse();
    }
}
