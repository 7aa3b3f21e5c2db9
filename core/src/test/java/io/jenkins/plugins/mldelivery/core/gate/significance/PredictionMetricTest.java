package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.junit.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values: scikit-learn 1.9.1 and NumPy 2.4.6 on {@code challenger.csv}, printed by
 * {@code python_reference.py} in this package's test resources. Tolerance 1e-12.
 */
public class PredictionMetricTest {
    private static double value(final PredictionMetric metric) {
        PairedPredictions rows = ReferenceData.models();
        return metric.value(rows.labels(), rows.challenger());
    }

    @Test
    public void shouldMatchScikitLearnsClassificationMetrics() {
        assertThat(value(PredictionMetric.ACCURACY)).isCloseTo(0.795, within(1e-12));
        assertThat(value(PredictionMetric.PRECISION)).isCloseTo(0.7204301075268817, within(1e-12));
        assertThat(value(PredictionMetric.RECALL)).isCloseTo(0.8170731707317073, within(1e-12));
        assertThat(value(PredictionMetric.F1)).isCloseTo(0.7657142857142857, within(1e-12));
    }

    @Test
    public void shouldMatchScikitLearnsProbabilityMetrics() {
        assertThat(value(PredictionMetric.ROC_AUC)).isCloseTo(0.882234394377842, within(1e-12));
        assertThat(value(PredictionMetric.LOGLOSS)).isCloseTo(0.44251856213661755, within(1e-12));
        assertThat(value(PredictionMetric.BRIER)).isCloseTo(0.142674, within(1e-12));
    }

    @Test
    public void shouldMatchNumpysLatencyPercentiles() {
        assertThat(value(PredictionMetric.LATENCY_MEAN_MS)).isCloseTo(20.466685, within(1e-12));
        assertThat(value(PredictionMetric.LATENCY_P50_MS)).isCloseTo(19.459000000000003, within(1e-12));
        assertThat(value(PredictionMetric.LATENCY_P95_MS)).isCloseTo(36.82675, within(1e-12));
        assertThat(value(PredictionMetric.LATENCY_P99_MS)).isCloseTo(45.89353999999997, within(1e-12));
    }

    @Test
    public void shouldComputeASliceMetricOnTheSlicesRowsOnly() {
        PairedPredictions women = ReferenceData.models("F");

        // f1[gender=F] 0.8205128205128205
        assertThat(PredictionMetric.F1.value(women.labels(), women.challenger())).isCloseTo(0.8205128205128205, within(1e-12));
    }

    @Test
    public void shouldCountARepeatedRowAsOftenAsItIsDrawn() {
        byte[] labels = {1, 0};
        ModelPredictions model = new ModelPredictions(new byte[] {1, 1}, null, null);

        assertThat(PredictionMetric.ACCURACY.value(labels, model, new int[] {0, 0, 0, 1})).isEqualTo(0.75);
    }

    @Test
    public void shouldScoreAPrecisionWithoutPositivePredictionsAsZeroLikeScikitLearn() {
        assertThat(PredictionMetric.PRECISION.value(new byte[] {1, 0}, new ModelPredictions(new byte[] {0, 0}, null, null)))
                .isZero();
    }

    @Test
    public void shouldComputeTheResampledDifferenceAsTheDifferenceOfTheMetricsOnTheRowsDrawn() {
        PairedPredictions rows = ReferenceData.models();
        int[] drawn = new int[rows.size()];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = (i * 7919 + 13) % rows.size() / 2; // rows repeat, half of them are never drawn
        }
        for (PredictionMetric metric : PredictionMetric.values()) {
            double expected = metric.value(rows.labels(), rows.challenger(), drawn) - 1.02 * metric.value(rows.labels(), rows.champion(), drawn);

            assertThat(metric.pairedDifference(rows.labels(), rows.challenger(), rows.champion(), 1.02).applyAsDouble(drawn))
                    .as(metric.metricName()).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    public void shouldFindMetricsByTheirNamesInRules() {
        assertThat(PredictionMetric.byName("latency_p95_ms")).contains(PredictionMetric.LATENCY_P95_MS);
        assertThat(PredictionMetric.byName("mape")).isEmpty();
    }
}
