package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.significance.BootstrapSettings;
import io.jenkins.plugins.mldelivery.core.gate.significance.HolmCorrection;
import io.jenkins.plugins.mldelivery.core.gate.significance.ReferenceData;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Significance rules end to end through the engine, on the reference models of the significance package's tests
 * ({@code challenger.csv}, {@code champion.csv}); the p-values quoted are statsmodels' (McNemar) and pROC's (DeLong).
 */
public class GateSignificanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final Champion CHAMPION = new Champion("credit-risk", "3", "champion", null, MetricValues.of(Map.of("f1", 0.7)));

    private static GateRequest.Builder request() {
        return GateRequest.builder().metrics(MetricValues.of(Map.of("f1", 0.77))).against(CHAMPION)
                .predictions(ReferenceData.file("challenger.csv"), ReferenceData.file("champion.csv"))
                .bootstrap(new BootstrapSettings(1000, 5));
    }

    private static GateResult evaluate(final GateRequest.Builder request) {
        return new GateEngine(CLOCK).evaluate(request.build());
    }

    @Test
    public void shouldPassARealImprovementWithTheTestEachMetricCallsForCorrectedByHolm() {
        GateResult result = evaluate(request()
                .rule("accuracy > champion.accuracy significantly")
                .rule("roc_auc > champion.roc_auc significantly")
                .rule("f1 >= champion.f1 - 0.01 with 95% confidence"));

        assertThat(result.verdict()).isEqualTo(Status.PASSED);
        RuleOutcome accuracy = result.rules().get(0);
        RuleOutcome auc = result.rules().get(1);
        RuleOutcome f1 = result.rules().get(2);
        // statsmodels mcnemar([[0, 34], [14, 0]], exact=False, correction=True).pvalue = 0.006098945931214356
        assertThat(accuracy.pValue()).isCloseTo(0.006098945931214356, within(1e-15));
        assertThat(accuracy.significance().method()).isEqualTo("mcnemar-chi2-corrected");
        assertThat(accuracy.left()).isCloseTo(0.795, within(1e-15));
        assertThat(accuracy.right()).isCloseTo(0.695, within(1e-12));
        // pROC roc.test(..., method = "delong", paired = TRUE)$p.value = 0.00080198773703147881
        assertThat(auc.pValue()).isCloseTo(0.00080198773703147881, within(1e-15));
        assertThat(f1.significance().method()).isEqualTo("paired-bootstrap");
        assertThat(f1.significance().resamples()).isEqualTo(1000);
        assertThat(f1.significance().seed()).isEqualTo(5L);
        assertThat(f1.right()).isCloseTo(f1.significance().champion() - 0.01, within(1e-15));
        double[] holm = HolmCorrection.adjust(new double[] {accuracy.pValue(), auc.pValue(), f1.pValue()});
        assertThat(List.of(accuracy.pValueAdjusted(), auc.pValueAdjusted(), f1.pValueAdjusted())).containsExactly(holm[0], holm[1], holm[2]);
        assertThat(accuracy.pValueAdjusted()).isGreaterThan(accuracy.pValue());
        assertThat(accuracy.reason()).isEqualTo("accuracy 0.795 vs champion 0.695 on 200 rows, difference +0.1 (95% CI "
                + Decimals.format(accuracy.significance().interval().low()) + " to " + Decimals.format(accuracy.significance().interval().high())
                + "); significantly above 0: mcnemar-chi2-corrected p = 0.006099 (Holm-adjusted "
                + Decimals.format(accuracy.pValueAdjusted()) + ") < 0.05");
    }

    @Test
    public void shouldNotCorrectWhenAskedNotTo() {
        GateResult result = evaluate(request().correction(Correction.NONE)
                .rule("accuracy > champion.accuracy significantly")
                .rule("roc_auc > champion.roc_auc significantly"));

        assertThat(result.rules()).allSatisfy(rule -> assertThat(rule.pValueAdjusted()).isEqualTo(rule.pValue()));
        assertThat(result.rules().get(0).reason()).doesNotContain("Holm");
    }

    @Test
    public void shouldFailAnImprovementThatIsNotSignificant() {
        GateResult result = evaluate(request().rule("latency_mean_ms < champion.latency_mean_ms significantly"));

        RuleOutcome latency = result.rules().get(0);
        assertThat(result.verdict()).isEqualTo(Status.FAILED);
        assertThat(latency.passed()).isFalse();
        assertThat(latency.significance().interval().low()).isLessThan(0);
        assertThat(latency.significance().interval().high()).isGreaterThan(0);
        assertThat(latency.reason()).containsPattern("; not (significantly )?below 0");
    }

    @Test
    public void shouldFailWhenTheDifferenceIsOnTheWrongSideHoweverSignificant() {
        GateResult result = evaluate(request().rule("accuracy < champion.accuracy significantly"));

        assertThat(result.rules().get(0).passed()).isFalse();
        assertThat(result.rules().get(0).reason()).endsWith("; not below 0");
    }

    @Test
    public void shouldTestASliceOnItsOwnRows() {
        GateResult result = evaluate(request().rule("roc_auc[gender=F] > champion.roc_auc[gender=F] with 99% confidence"));

        RuleOutcome slice = result.rules().get(0);
        // pROC on gender=F: p.value 0.014836025423491127, which is not below 1 - 0.99
        assertThat(slice.pValue()).isCloseTo(0.014836025423491127, within(1e-12));
        assertThat(slice.significance().rows()).isEqualTo(84);
        assertThat(slice.passed()).isFalse();
        assertThat(slice.reason()).endsWith("not significantly above 0: delong p = 0.01484 >= 0.01");
    }

    @Test
    public void shouldRecordThePredictionsItRead() {
        GateResult result = evaluate(request().rule("accuracy > champion.accuracy significantly"));

        assertThat(result.inputs()).extracting(input -> input.path())
                .containsExactly(ReferenceData.file("challenger.csv").toString(), ReferenceData.file("champion.csv").toString());
        assertThat(result.inputs().get(0).sha256()).hasSize(64);
    }

    @Test
    public void shouldGiveTheSameResultBitForBitOnEveryRun() {
        GateRequest.Builder request = request().rule("f1 > champion.f1 significantly").rule("brier <= champion.brier with 90% confidence");

        assertThat(ResultJson.toJson(evaluate(request))).isEqualTo(ResultJson.toJson(evaluate(request)));
    }

    @Test
    public void shouldCompareTwoPredictionsFilesWithoutARegistry() {
        GateResult result = new GateEngine(CLOCK).evaluate(GateRequest.builder().metrics(MetricValues.of(Map.of("accuracy", 0.795)))
                .withoutChampionBecause("no champion to compare with (no --registry given)")
                .predictions(ReferenceData.file("challenger.csv"), ReferenceData.file("champion.csv"))
                .bootstrap(new BootstrapSettings(1000, 5))
                .rule("roc_auc > champion.roc_auc significantly")
                .rule("accuracy >= champion.accuracy + 0.05")
                .rule("accuracy >= champion.accuracy[gender=F]")
                .build());

        assertThat(result.verdict()).isEqualTo(Status.PASSED);
        assertThat(result.rules()).noneMatch(RuleOutcome::skipped);
        // pROC roc.test(..., method = "delong", paired = TRUE)$p.value = 0.00080198773703147881
        assertThat(result.rules().get(0).pValue()).isCloseTo(0.00080198773703147881, within(1e-15));
        // champion_reference.out: accuracy 0.695 (sklearn accuracy_score of champion.csv)
        assertThat(result.rules().get(1).values()).containsEntry("champion.accuracy", 0.695);
        assertThat(result.rules().get(1).right()).isCloseTo(0.745, within(1e-12));
        // champion_reference.out: accuracy[gender=F] 0.75
        assertThat(result.rules().get(2).right()).isCloseTo(0.75, within(1e-12));
        assertThat(result.champion().describe()).isEqualTo("the champion's predictions " + ReferenceData.file("champion.csv"));
        assertThat(result.champion().metrics().asMap()).containsOnlyKeys("accuracy", "accuracy[gender=F]");
    }

    @Test
    public void shouldLeaveTheRegistrysChampionMetricsAloneWhenThereIsOne() {
        GateResult result = evaluate(request().rule("f1 >= champion.f1"));

        assertThat(result.rules().get(0).right()).isEqualTo(0.7);
        assertThat(result.champion()).isEqualTo(CHAMPION);
    }
}
