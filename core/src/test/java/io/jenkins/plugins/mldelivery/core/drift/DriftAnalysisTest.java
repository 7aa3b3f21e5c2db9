package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The drift verdicts a user relies on: what drifts, what does not, and why.
 */
public class DriftAnalysisTest {
    private static NumericDistribution normal(final long seed, final int n, final double shift, final double scale) {
        return NumericDistribution.ofValues(ReferenceSamples.sample(seed, n, shift, scale, null), 0);
    }

    private static CategoricalDistribution categories(final long missing, final Object... namesAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            counts.put((String) namesAndCounts[i], ((Number) namesAndCounts[i + 1]).longValue());
        }
        return CategoricalDistribution.of(counts, missing);
    }

    private static DriftReport compareOne(final ColumnDistribution reference, final ColumnDistribution current,
            final DriftPolicy policy) {
        return DriftAnalysis.compare(Map.of("x", reference), Map.of("x", current), policy);
    }

    @Test
    public void shouldFlagDriftWhenMeanShiftsByHalfAStandardDeviation() {
        ColumnDrift column = compareOne(normal(1, 2000, 0, 1), normal(2, 2000, 0.5, 1), DriftPolicy.defaults())
                .column("x").orElseThrow();

        assertThat(column.drifted()).isTrue();
        assertThat(column.method()).isEqualTo("ks-exact");
        assertThat(column.effectMeasure()).isEqualTo("wasserstein");
        assertThat(column.effectSize()).isCloseTo(0.5, within(0.06));
        assertThat(column.threshold()).isEqualTo(0.1);
        assertThat(column.pValueAdjusted()).isLessThan(1e-20);
        assertThat(column.reason()).startsWith("drifted: distribution (p_adj = ").contains("wasserstein = 0.")
                .contains("≥ 0.1");
    }

    @Test
    public void shouldNotFlagAnUnchangedColumn() {
        ColumnDrift column = compareOne(normal(3, 2000, 0, 1), normal(4, 2500, 0, 1), DriftPolicy.defaults())
                .column("x").orElseThrow();

        assertThat(column.drifted()).isFalse();
        assertThat(column.pValue()).isGreaterThan(0.05);
        assertThat(column.reason()).startsWith("no drift: distribution (p_adj = ");
    }

    @Test
    public void shouldIgnoreASignificantChangeTooSmallToMatterUnlessThePolicyIsPValueOnly() {
        // One million rows per side, each category moved by about half a percentage point.
        CategoricalDistribution reference = categories(0, "a", 400_000, "b", 350_000, "c", 250_000);
        CategoricalDistribution current = categories(0, "a", 395_000, "b", 353_000, "c", 252_000);

        ColumnDrift byDefault = compareOne(reference, current, DriftPolicy.defaults()).column("x").orElseThrow();
        ColumnDrift pValueOnly = compareOne(reference, current,
                DriftPolicy.builder().rule(DecisionRule.SIGNIFICANT).build()).column("x").orElseThrow();

        assertThat(byDefault.pValueAdjusted()).isLessThan(1e-10);
        assertThat(byDefault.effectSize()).isLessThan(0.01);
        assertThat(byDefault.drifted()).isFalse();
        assertThat(byDefault.reason()).contains("jensen-shannon = ").contains("< 0.1");
        assertThat(pValueOnly.drifted()).isTrue();
    }

    @Test
    public void shouldFlagACategoryFrequencyChange() {
        ColumnDrift column = compareOne(categories(0, "a", 500, "b", 300, "c", 200),
                categories(0, "a", 250, "b", 450, "c", 300), DriftPolicy.defaults()).column("x").orElseThrow();

        assertThat(column.drifted()).isTrue();
        assertThat(column.method()).isEqualTo("chi-squared");
        assertThat(column.measures()).containsEntry("degreesOfFreedom", 2.0);
        assertThat(column.histogram().categories()).containsExactly("a", "b", "c");
        assertThat(column.histogram().reference()).containsExactly(0.5, 0.3, 0.2);
        assertThat(column.histogram().current()).containsExactly(0.25, 0.45, 0.3);
    }

    @Test
    public void shouldTestABinaryColumnWithoutContinuityCorrection() {
        ColumnDrift column = compareOne(categories(0, "yes", 120, "no", 80), categories(0, "yes", 90, "no", 110),
                DriftPolicy.defaults()).column("x").orElseThrow();

        // scipy.stats.chi2_contingency([[120, 80], [90, 110]], correction=False): 9.022556390977442, p 0.0026666817936140982
        assertThat(column.statistic()).isCloseTo(9.022556390977442, within(1e-12));
        assertThat(column.pValue()).isCloseTo(0.0026666817936140982, within(1e-15));
        assertThat(column.methodReason()).contains("without continuity correction, 1 degrees of freedom");
    }

    @Test
    public void shouldFlagASpikeOfMissingValuesEvenWhenThePresentValuesLookAlike() {
        NumericDistribution reference = NumericDistribution.ofValues(ReferenceSamples.sample(5, 4900, 0, 1, null), 100);
        NumericDistribution current = NumericDistribution.ofValues(ReferenceSamples.sample(6, 4000, 0, 1, null), 1000);

        ColumnDrift column = compareOne(reference, current, DriftPolicy.defaults()).column("x").orElseThrow();

        assertThat(column.drifted()).isTrue();
        assertThat(column.missing().drifted()).isTrue();
        assertThat(column.missing().referenceShare()).isEqualTo(0.02);
        assertThat(column.missing().currentShare()).isEqualTo(0.2);
        assertThat(column.missing().effectSize()).isCloseTo(0.18, within(1e-12));
        assertThat(column.reason()).isEqualTo(String.format(java.util.Locale.ROOT,
                "drifted: missing share 2.0%% → 20.0%% (p_adj = %.2g ≤ 0.05, change = 0.18 ≥ 0.05)",
                column.missing().pValueAdjusted()));
    }

    @Test
    public void shouldCorrectAllColumnsTogetherAndBonferroniOnlyOnRequest() {
        Map<String, ColumnDistribution> reference = new LinkedHashMap<>();
        Map<String, ColumnDistribution> current = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            reference.put("c" + i, normal(100 + i, 300, 0, 1));
            current.put("c" + i, normal(200 + i, 300, i < 3 ? 0.3 : 0, 1));
        }
        DriftReport bh = DriftAnalysis.compare(reference, current, DriftPolicy.defaults());
        DriftReport bonferroni = DriftAnalysis.compare(reference, current,
                DriftPolicy.builder().correction(Correction.BONFERRONI).build());

        for (ColumnDrift column : bh.columns()) {
            assertThat(column.pValueAdjusted()).isGreaterThanOrEqualTo(column.pValue());
        }
        ColumnDrift first = bonferroni.column("c0").orElseThrow();
        assertThat(first.pValueAdjusted()).isEqualTo(Math.min(1, first.pValue() * 10));
        assertThat(bh.correction()).isEqualTo("benjamini-hochberg");
        assertThat(bonferroni.correction()).isEqualTo("bonferroni");
        assertThat(bh.driftedColumns()).isGreaterThanOrEqualTo(bonferroni.driftedColumns());
    }

    @Test
    public void shouldDeclareDatasetDriftWhenHalfTheColumnsDrift() {
        Map<String, ColumnDistribution> reference = new LinkedHashMap<>();
        Map<String, ColumnDistribution> current = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            reference.put("c" + i, normal(300 + i, 1000, 0, 1));
            current.put("c" + i, normal(400 + i, 1000, i < 2 ? 1.0 : 0, 1));
        }

        DriftReport report = DriftAnalysis.compare(reference, current, DriftPolicy.defaults());
        DriftReport stricter = DriftAnalysis.compare(reference, current,
                DriftPolicy.builder().datasetDriftShare(0.75).build());

        assertThat(report.driftedColumns()).isEqualTo(2);
        assertThat(report.driftedShare()).isEqualTo(0.5);
        assertThat(report.datasetDrift()).isTrue();
        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.reason()).isEqualTo("2 of 4 compared columns drifted (50%; dataset drift at 50%)");
        assertThat(stricter.datasetDrift()).isFalse();
        assertThat(stricter.status()).isEqualTo(Status.WARNING);
    }

    @Test
    public void shouldDeclareDatasetDriftWhenACriticalColumnDrifts() {
        Map<String, ColumnDistribution> reference = new LinkedHashMap<>();
        Map<String, ColumnDistribution> current = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            reference.put("c" + i, normal(500 + i, 1000, 0, 1));
            current.put("c" + i, normal(600 + i, 1000, i == 4 ? 1.0 : 0, 1));
        }
        DriftPolicy policy = DriftPolicy.builder().column("c4", ColumnPolicy.criticalColumn()).build();

        DriftReport report = DriftAnalysis.compare(reference, current, policy);

        assertThat(report.driftedShare()).isEqualTo(0.2);
        assertThat(report.datasetDrift()).isTrue();
        assertThat(report.reason()).endsWith("; critical column c4 drifted");
        assertThat(report.summary()).startsWith("Dataset drift: 1 of 5 compared columns drifted").contains("\n  c4: drifted: ");
    }

    @Test
    public void shouldLetAColumnUseItsOwnMeasureAndThreshold() {
        DriftPolicy policy = DriftPolicy.builder()
                .column("x", ColumnPolicy.defaults().withMeasure(EffectMeasure.PSI).withThreshold(0.5)).build();

        ColumnDrift column = compareOne(normal(7, 2000, 0, 1), normal(8, 2000, 0.5, 1), policy).column("x").orElseThrow();

        assertThat(column.effectMeasure()).isEqualTo("psi");
        assertThat(column.threshold()).isEqualTo(0.5);
        assertThat(column.effectSize()).isEqualTo(column.measures().get("psi")).isBetween(0.15, 0.35);
        assertThat(column.drifted()).isFalse();
    }

    @Test
    public void shouldRejectAPolicyThatDoesNotFitTheData() {
        DriftPolicy unknownColumn = DriftPolicy.builder().column("nope", ColumnPolicy.criticalColumn()).build();
        DriftPolicy wrongMeasure = DriftPolicy.builder()
                .column("x", ColumnPolicy.defaults().withMeasure(EffectMeasure.JENSEN_SHANNON)).build();

        assertThatThrownBy(() -> compareOne(normal(1, 10, 0, 1), normal(2, 10, 0, 1), unknownColumn))
                .isInstanceOf(BadInputException.class)
                .hasMessage("drift policy: column 'nope' is in neither the reference nor the current data");
        assertThatThrownBy(() -> compareOne(normal(1, 10, 0, 1), normal(2, 10, 0, 1), wrongMeasure))
                .isInstanceOf(BadInputException.class)
                .hasMessage("drift policy: column 'x' is numeric, but effect measure 'jensen-shannon' does not apply to numeric columns");
    }

    @Test
    public void shouldDetectDriftFromSketchesOfLargeSamplesWithAConservativePValue() {
        Sketches.seedCompaction(7);
        NumericDistribution reference = Sketches.sketch(ReferenceSamples.sample(9, 200_000, 0, 1, null), 200, 0);
        NumericDistribution shifted = Sketches.sketch(ReferenceSamples.sample(10, 200_000, 0.25, 1, null), 200, 0);
        NumericDistribution unchanged = Sketches.sketch(ReferenceSamples.sample(11, 200_000, 0, 1, null), 200, 0);

        ColumnDrift drift = compareOne(reference, shifted, DriftPolicy.defaults()).column("x").orElseThrow();
        ColumnDrift noDrift = compareOne(reference, unchanged, DriftPolicy.defaults()).column("x").orElseThrow();

        assertThat(drift.method()).isEqualTo("ks-sketch");
        assertThat(drift.statisticErrorBound()).isCloseTo(0.0266, within(0.001));
        assertThat(drift.methodReason()).contains("KLL sketch k=200 of 200000 values, rank error ±0.0133");
        assertThat(drift.drifted()).isTrue();
        assertThat(noDrift.drifted()).isFalse();
        assertThat(noDrift.pValue()).isEqualTo(1.0);
        assertThat(noDrift.measures().get("pValueAtEstimate")).isLessThanOrEqualTo(noDrift.pValue());
    }
}
