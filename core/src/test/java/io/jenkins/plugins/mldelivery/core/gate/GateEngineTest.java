package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.gate.significance.BootstrapSettings;
import io.jenkins.plugins.mldelivery.core.gate.significance.HolmCorrection;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class GateEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final MetricValues RUN = MetricValues.of(Map.of("accuracy", 0.87, "f1", 0.80, "logloss", 0.40,
            "latency_p95_ms", 38, "accuracy[gender=F]", 0.84, "accuracy[gender=M]", 0.90));
    private static final Champion CHAMPION = new Champion("credit-risk", "3", "champion", "models/3/model.joblib",
            MetricValues.of(Map.of("accuracy", 0.86, "f1", 0.805, "logloss", 0.39)));

    private static GateResult evaluate(final GateRequest.Builder request) {
        return new GateEngine(CLOCK).evaluate(request.build());
    }

    @Test
    public void shouldPassWhenEveryThresholdHolds() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).rule("accuracy >= 0.85").rule("latency_p95_ms <= 40"));

        assertThat(result.verdict()).isEqualTo(Status.PASSED);
        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.step()).isEqualTo("gate");
        RuleOutcome accuracy = result.rules().get(0);
        assertThat(accuracy.left()).isEqualTo(0.87);
        assertThat(accuracy.right()).isEqualTo(0.85);
        assertThat(accuracy.passed()).isTrue();
        assertThat(accuracy.skipped()).isFalse();
        assertThat(accuracy.pValue()).isNull();
        assertThat(accuracy.reason()).isEqualTo("0.87 >= 0.85");
        assertThat(result.summary()).isEqualTo("Gate PASSED (no champion): 2 of 2 rules passed\n"
                + "  PASS  accuracy >= 0.85: 0.87 >= 0.85\n"
                + "  PASS  latency_p95_ms <= 40: 38 <= 40");
    }

    @Test
    public void shouldFailWhenAThresholdIsMissedAndSayByHowMuch() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).rule("accuracy >= 0.9").rule("latency_p95_ms <= 40"));

        assertThat(result.verdict()).isEqualTo(Status.FAILED);
        assertThat(result.rules().get(0).passed()).isFalse();
        assertThat(result.rules().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(result.summary()).startsWith("Gate FAILED (no champion): 1 of 2 rules passed, 1 broken\n"
                + "  FAIL  accuracy >= 0.9: 0.87 is not >= 0.9");
    }

    @Test
    public void shouldOnlyWarnWhenAWarningRuleBreaks() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).rule("accuracy >= 0.85").warningRule("latency_p95_ms <= 30"));

        assertThat(result.verdict()).isEqualTo(Status.WARNING);
        assertThat(result.rules().get(1).severity()).isEqualTo(Severity.WARN);
        assertThat(result.rules().get(1).reason()).isEqualTo("38 is not <= 30 (a warning rule)");
        assertThat(result.summary()).contains("  WARN  latency_p95_ms <= 30: 38 is not <= 30 (a warning rule)");
    }

    @Test
    public void shouldCompareWithTheChampionWithinAnAbsoluteMargin() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION).rule("f1 >= champion.f1 - 0.01"));

        RuleOutcome rule = result.rules().get(0);
        assertThat(rule.passed()).isTrue();
        assertThat(rule.right()).isCloseTo(0.795, within(1e-15));
        assertThat(rule.values()).containsExactly(Map.entry("f1", 0.80), Map.entry("champion.f1", 0.805));
        assertThat(rule.reason()).isEqualTo("0.8 >= 0.795 (f1 = 0.8, champion.f1 = 0.805)");
        assertThat(result.champion()).isEqualTo(CHAMPION);
        assertThat(result.summary()).startsWith("Gate PASSED (against credit-risk version 3 (alias champion))");
    }

    @Test
    public void shouldFailARelativeMarginOnALowerIsBetterMetric() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION).rule("logloss <= champion.logloss * 1.02"));

        assertThat(result.verdict()).isEqualTo(Status.FAILED);
        assertThat(result.rules().get(0).reason()).isEqualTo("0.4 is not <= 0.3978 (logloss = 0.4, champion.logloss = 0.39)");
    }

    @Test
    public void shouldNotLetBinaryRoundingDecideATie() {
        Champion champion = new Champion("m", "1", "champion", null, MetricValues.of(Map.of("recall", 0.1)));
        GateRequest.Builder request = GateRequest.builder().metrics(MetricValues.of(Map.of("recall", 0.3))).against(champion);

        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point
        assertThat(evaluate(request.rule("recall >= champion.recall + 0.2")).verdict()).isEqualTo(Status.PASSED);
        assertThat(evaluate(GateRequest.builder().metrics(MetricValues.of(Map.of("recall", 0.3))).against(champion)
                .rule("recall > champion.recall + 0.2")).verdict()).isEqualTo(Status.FAILED);
        assertThat(evaluate(GateRequest.builder().metrics(MetricValues.of(Map.of("recall", 0.3000001))).against(champion)
                .rule("recall > champion.recall + 0.2")).verdict()).isEqualTo(Status.PASSED);
    }

    @Test
    public void shouldBoundTheGapBetweenSlices() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).rule("max_gap(accuracy, by=gender) <= 0.05"));

        RuleOutcome rule = result.rules().get(0);
        assertThat(rule.passed()).isFalse();
        assertThat(rule.left()).isCloseTo(0.06, within(1e-15));
        assertThat(rule.reason()).isEqualTo("0.06 is not <= 0.05 (accuracy[gender=F] = 0.84, accuracy[gender=M] = 0.9)");
    }

    @Test
    public void shouldSkipChampionRulesOfTheFirstModelWithAWarning() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN)
                .withoutChampionBecause("no champion yet: model 'credit-risk' has no version with alias 'champion'")
                .rule("accuracy >= 0.85").rule("f1 >= champion.f1 - 0.01"));

        assertThat(result.verdict()).isEqualTo(Status.WARNING);
        RuleOutcome skipped = result.rules().get(1);
        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.passed()).isFalse();
        assertThat(skipped.left()).isEqualTo(0.80);
        assertThat(skipped.right()).isNull();
        assertThat(skipped.reason()).isEqualTo("skipped: no champion yet: model 'credit-risk' has no version with alias"
                + " 'champion' (the gate warns)");
        assertThat(result.summary()).contains("1 of 2 rules passed, 1 skipped")
                .contains("  SKIP  f1 >= champion.f1 - 0.01: skipped: no champion yet");
    }

    @Test
    public void shouldLetTheFirstModelPassOrFailWhenConfigured() {
        GateRequest.Builder request = GateRequest.builder().metrics(RUN).rule("f1 > champion.f1 significantly");

        assertThat(evaluate(request.whenNoChampion(WithoutChampion.PASS)).verdict()).isEqualTo(Status.PASSED);
        assertThat(evaluate(request.whenNoChampion(WithoutChampion.FAIL)).verdict()).isEqualTo(Status.FAILED);
        assertThat(evaluate(request.whenNoChampion(WithoutChampion.FAIL)).rules().get(0).reason()).endsWith("(the gate fails)");
    }

    @Test
    public void shouldSkipARuleWhoseMetricTheChampionNeverRecorded() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION)
                .rule("latency_p95_ms <= champion.latency_p95_ms * 1.1"));

        assertThat(result.verdict()).isEqualTo(Status.WARNING);
        assertThat(result.rules().get(0).reason()).isEqualTo("skipped: the champion, credit-risk version 3 (alias champion),"
                + " has no metric 'latency_p95_ms'; it has accuracy, f1, logloss (the gate warns)");
    }

    @Test
    public void shouldNameTheRuleAndListTheMetricsForAnUnknownMetric() {
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).rule("accuracy >= 0.85").rule("acuracy >= 0.85")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rule 2 'acuracy >= 0.85': unknown metric 'acuracy' (did you mean 'accuracy'?); the metrics are"
                        + " accuracy, accuracy[gender=F], accuracy[gender=M], f1, latency_p95_ms, logloss");
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).rule("precision >= 0.85")))
                .hasMessageStartingWith("rule 1 'precision >= 0.85': unknown metric 'precision'; the metrics are accuracy,");
    }

    @Test
    public void shouldSayWhichSliceMetricsAGapNeeds() {
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).rule("max_gap(f1, by=gender) <= 0.05")))
                .hasMessageStartingWith("rule 1 'max_gap(f1, by=gender) <= 0.05': unknown metric 'f1[gender=…]': max_gap needs"
                        + " at least 2 slice metrics such as f1[gender=A], found 0; the metrics are accuracy,");
    }

    @Test
    public void shouldCheckEveryRuleBeforeDecidingAny() {
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).rule("accuracy >= 0.99").rule("f1 >=")))
                .hasMessage("rule 2 'f1 >=': expected a number, a metric or '(' but found the end of the rule at position 6");
    }

    @Test
    public void shouldFailARuleThatDividesByZero() {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).rule("accuracy / (f1 - 0.8) <= 2"));

        assertThat(result.verdict()).isEqualTo(Status.FAILED);
        assertThat(result.rules().get(0).left()).isNull();
        assertThat(result.rules().get(0).reason()).startsWith("a side of the rule is not a number (Infinity <= 2;");
        assertThat(ResultJson.toJson(result)).doesNotContain("Infinity\"", "NaN");
    }

    @Test
    public void shouldAskForPredictionsWhenARuleAsksForSignificance() {
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION).rule("f1 > champion.f1 significantly")))
                .hasMessage("rule 1 'f1 > champion.f1 significantly': a significance rule needs both models' predictions on"
                        + " the same evaluation set: give the challenger's and the champion's predictions files (or a scoring command)");
    }

    @Test
    public void shouldRefuseSignificanceOnAMetricPredictionsCannotGive() {
        assertThatThrownBy(() -> evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION)
                .rule("mape < champion.mape significantly")))
                .hasMessage("rule 1 'mape < champion.mape significantly': significance needs a metric the gate can compute"
                        + " from predictions (accuracy, precision, recall, f1, roc_auc, logloss, brier, latency_mean_ms,"
                        + " latency_p50_ms, latency_p95_ms, latency_p99_ms), not 'mape'");
    }

    @Test
    public void shouldWriteTheContractFieldsAndReadThemBack() throws java.io.IOException {
        GateResult result = evaluate(GateRequest.builder().metrics(RUN).against(CHAMPION)
                .rule("accuracy >= 0.85").rule("f1 >= champion.f1 - 0.01"));

        com.fasterxml.jackson.databind.JsonNode json = ResultJson.mapper().readTree(ResultJson.toJson(result));

        assertThat(json.path("step").asText()).isEqualTo("gate");
        assertThat(json.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(json.path("summary").asText()).isEqualTo(result.summary());
        assertThat(json.path("rules").get(0).fieldNames()).toIterable()
                .contains("rule", "left", "right", "passed", "skipped", "pValue", "reason", "status", "severity");
        assertThat(ResultJson.mapper().readValue(ResultJson.toJson(result), GateResult.class)).isEqualTo(result);
    }
}
