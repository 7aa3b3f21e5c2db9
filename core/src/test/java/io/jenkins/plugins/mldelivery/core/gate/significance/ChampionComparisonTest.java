package io.jenkins.plugins.mldelivery.core.gate.significance;

import org.junit.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Which test each rule gets, on the reference models; the reference values are those of the tests of each
 * statistic (statsmodels for McNemar, pROC for DeLong, scikit-learn for the metrics).
 */
public class ChampionComparisonTest {
    private static final BootstrapSettings SETTINGS = new BootstrapSettings(1000, 1);

    @Test
    public void shouldUseMcNemarsTestForAPlainAccuracyDifference() {
        ComparisonEvidence evidence = ChampionComparison.compare(ReferenceData.models(), PredictionMetric.ACCURACY, "accuracy",
                1, 0, 0.95, SETTINGS);

        // McNemar on the files: b=34 c=14; exact=False correction=True: statistic=7.520833333333333 pvalue=0.006098945931214356
        assertThat(evidence.method()).isEqualTo("mcnemar-chi2-corrected");
        assertThat(evidence.discordantChallenger()).isEqualTo(34);
        assertThat(evidence.discordantChampion()).isEqualTo(14);
        assertThat(evidence.pValue()).isCloseTo(0.006098945931214356, within(1e-15));
        assertThat(evidence.challenger()).isCloseTo(0.795, within(1e-15));
        assertThat(evidence.difference()).isCloseTo(0.1, within(1e-12)).as("(34 - 14) / 200");
        assertThat(evidence.intervalMethod()).isEqualTo("paired-bootstrap-percentile");
        assertThat(evidence.resamples()).isEqualTo(1000);
        assertThat(evidence.seed()).isEqualTo(1L);
    }

    @Test
    public void shouldUseTheBootstrapForAnAccuracyMarginMcNemarCannotExpress() {
        ComparisonEvidence evidence = ChampionComparison.compare(ReferenceData.models(), PredictionMetric.ACCURACY, "accuracy",
                1, -0.01, 0.95, SETTINGS);

        assertThat(evidence.method()).isEqualTo("paired-bootstrap");
        assertThat(evidence.discordantChallenger()).isNull();
    }

    @Test
    public void shouldUseDeLongsTestForRocAuc() {
        ComparisonEvidence evidence = ChampionComparison.compare(ReferenceData.models(), PredictionMetric.ROC_AUC, "roc_auc",
                1, 0, 0.95, SETTINGS);

        assertThat(evidence.method()).isEqualTo("delong");
        assertThat(evidence.statistic()).isCloseTo(3.3521078364459855, within(1e-10));
        assertThat(evidence.pValue()).isCloseTo(0.00080198773703147881, within(1e-15));
        assertThat(evidence.interval().low()).isCloseTo(0.037813439386728667, within(1e-12));
        assertThat(evidence.resamples()).isNull();
    }

    @Test
    public void shouldUseThePairedBootstrapForF1() {
        ComparisonEvidence evidence = ChampionComparison.compare(ReferenceData.models(), PredictionMetric.F1, "f1",
                1, 0, 0.95, SETTINGS);

        assertThat(evidence.method()).isEqualTo("paired-bootstrap");
        assertThat(evidence.challenger()).isCloseTo(0.7657142857142857, within(1e-12));
        assertThat(evidence.interval().low()).isCloseTo(0.0355, within(0.01));
        assertThat(evidence.pValue()).isLessThan(0.05);
    }

    @Test
    public void shouldCompareOnASlice() {
        ComparisonEvidence evidence = ChampionComparison.compare(ReferenceData.models().slice(Map.of("gender", "F")),
                PredictionMetric.ROC_AUC, "roc_auc[gender=F]", 1, 0, 0.95, SETTINGS);

        assertThat(evidence.rows()).isEqualTo(84);
        assertThat(evidence.pValue()).isCloseTo(0.014836025423491127, within(1e-12));
    }

    @Test
    public void shouldSayWhichColumnAMetricNeeds() {
        PairedPredictions rows = new PairedPredictions(new byte[] {1, 0},
                new ModelPredictions(new byte[] {1, 0}, null, null), new ModelPredictions(new byte[] {1, 1}, null, null), Map.of());

        assertThatThrownBy(() -> ChampionComparison.compare(rows, PredictionMetric.LOGLOSS, "logloss", 1, 0, 0.95, SETTINGS))
                .hasMessage("logloss needs the column 'probability' in both predictions files");
        assertThatThrownBy(() -> ChampionComparison.compare(rows, PredictionMetric.LATENCY_P95_MS, "latency_p95_ms", 1, 0, 0.95, SETTINGS))
                .hasMessage("latency_p95_ms needs the column 'latency_ms' in both predictions files");
    }
}
