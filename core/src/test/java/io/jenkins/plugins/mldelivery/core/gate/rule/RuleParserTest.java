package io.jenkins.plugins.mldelivery.core.gate.rule;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class RuleParserTest {
    private static final MetricValues RUN = MetricValues.of(Map.of(
            "accuracy", 0.87, "f1", 0.80, "logloss", 0.40, "latency_p95_ms", 38,
            "accuracy[gender=F]", 0.85, "accuracy[gender=M]", 0.89, "accuracy[gender=F,age=old]", 0.5));
    private static final MetricValues CHAMPION = MetricValues.of(Map.of(
            "f1", 0.805, "logloss", 0.41, "accuracy[gender=F]", 0.80, "accuracy[gender=M]", 0.90));

    private static GateRule parse(final String text) {
        return RuleParser.parse(new RuleSource(1, text));
    }

    private static void assertRejected(final String text, final String message) {
        assertThatThrownBy(() -> RuleParser.parse(new RuleSource(3, text)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("rule 3 '" + text + "': " + message);
    }

    @Test
    public void shouldReadAThresholdOnAMetric() {
        GateRule rule = parse("accuracy >= 0.85");

        assertThat(rule.left()).isEqualTo(new Expression.Metric(Side.CHALLENGER, "accuracy"));
        assertThat(rule.comparison()).isEqualTo(Comparison.AT_LEAST);
        assertThat(rule.right()).isEqualTo(new Expression.Constant(0.85));
        assertThat(rule.significance()).isEmpty();
        assertThat(rule.mentionsChampion()).isFalse();
        assertThat(rule.left().evaluate(RUN, CHAMPION)).isEqualTo(0.87);
    }

    @Test
    public void shouldReadEveryComparison() {
        assertThat(parse("latency_p95_ms <= 40").comparison()).isEqualTo(Comparison.AT_MOST);
        assertThat(parse("f1 > 0.5").comparison()).isEqualTo(Comparison.GREATER);
        assertThat(parse("logloss < 0.5").comparison()).isEqualTo(Comparison.LESS);
        assertThat(parse("0.85 <= accuracy").toString()).isEqualTo("0.85 <= accuracy");
    }

    @Test
    public void shouldReadAChampionMetricWithAnAbsoluteMargin() {
        GateRule rule = parse("f1 >= champion.f1 - 0.01");

        assertThat(rule.toString()).isEqualTo("f1 >= (champion.f1 - 0.01)");
        assertThat(rule.mentionsChampion()).isTrue();
        assertThat(rule.right().evaluate(RUN, CHAMPION)).isCloseTo(0.795, within(1e-15));
    }

    @Test
    public void shouldReadAChampionMetricWithARelativeMargin() {
        GateRule rule = parse("logloss <= champion.logloss * 1.02");

        assertThat(rule.toString()).isEqualTo("logloss <= (champion.logloss * 1.02)");
        assertThat(rule.right().evaluate(RUN, CHAMPION)).isCloseTo(0.4182, within(1e-15));
    }

    @Test
    public void shouldGiveMultiplicationPrecedenceAndAssociateToTheLeft() {
        assertThat(parse("f1 >= 1 - 2 - 3 * 4 / 5").toString()).isEqualTo("f1 >= ((1 - 2) - ((3 * 4) / 5))");
        assertThat(parse("f1 >= (champion.f1 - 0.01) * -1.5e-1").toString())
                .isEqualTo("f1 >= ((champion.f1 - 0.01) * -0.15)");
        assertThat(parse("f1>=.5").right()).isEqualTo(new Expression.Constant(0.5));
    }

    @Test
    public void shouldReadTheMaximalGapBetweenSlices() {
        GateRule rule = parse("max_gap(accuracy, by=gender) <= 0.05");

        assertThat(rule.left()).isEqualTo(new Expression.SliceAggregate(Aggregate.MAX_GAP, Side.CHALLENGER, "accuracy", "gender"));
        assertThat(rule.left().evaluate(RUN, CHAMPION)).as("0.89 - 0.85, ignoring the two-attribute slice")
                .isCloseTo(0.04, within(1e-15));
    }

    @Test
    public void shouldReadTheWorstSliceOfEitherModel() {
        GateRule rule = parse("min(accuracy, by = gender) >= min(champion.accuracy, by=gender) - 0.02");

        assertThat(rule.left().evaluate(RUN, CHAMPION)).isEqualTo(0.85);
        assertThat(rule.right().evaluate(RUN, CHAMPION)).isCloseTo(0.78, within(1e-15));
        assertThat(parse("max(accuracy, by=gender) <= 1").left().evaluate(RUN, CHAMPION)).isEqualTo(0.89);
    }

    @Test
    public void shouldReadSliceMetricsWhateverTheBlanks() {
        GateRule rule = parse("accuracy[ gender = F ] >= champion.accuracy[gender=F]");

        assertThat(rule.left()).isEqualTo(new Expression.Metric(Side.CHALLENGER, "accuracy[gender=F]"));
        assertThat(rule.left().evaluate(RUN, CHAMPION)).isEqualTo(0.85);
        assertThat(rule.right().evaluate(RUN, CHAMPION)).isEqualTo(0.80);
    }

    @Test
    public void shouldReadDottedAndQuotedMetricNames() {
        assertThat(parse("val.loss <= 1").left()).isEqualTo(new Expression.Metric(Side.CHALLENGER, "val.loss"));
        assertThat(parse("`with` <= champion.`p-99` + 1").toString()).isEqualTo("with <= (champion.p-99 + 1)");
    }

    @Test
    public void shouldReadSuperiorityAtNinetyFivePercentByDefault() {
        GateRule rule = parse("f1 > champion.f1 significantly");

        assertThat(rule.significance()).contains(new SignificanceRequirement("f1", new LinearForm(1, 0), 0.95));
        assertThat(rule.significance().orElseThrow().alpha()).isCloseTo(0.05, within(1e-15));
    }

    @Test
    public void shouldReadSuperiorityAtAChosenLevel() {
        assertThat(parse("accuracy > champion.accuracy significantly with 99% confidence").significance())
                .contains(new SignificanceRequirement("accuracy", new LinearForm(1, 0), 0.99));
    }

    @Test
    public void shouldReadNonInferiorityWithItsMargin() {
        GateRule rule = parse("f1 >= champion.f1 - 0.01 with 95% confidence");

        assertThat(rule.significance()).contains(new SignificanceRequirement("f1", new LinearForm(1, -0.01), 0.95));
        assertThat(rule.toString()).isEqualTo("f1 >= (champion.f1 - 0.01) with 95% confidence");
    }

    @Test
    public void shouldReadRelativeAndSliceNonInferiority() {
        assertThat(parse("logloss <= champion.logloss * 1.02 with 90% confidence").significance())
                .contains(new SignificanceRequirement("logloss", new LinearForm(1.02, 0), 0.90));
        assertThat(parse("roc_auc[gender=F] >= 0.98 * (champion.roc_auc[gender=F] - 0.01) + 0.001 with 97.5% confidence")
                .significance().orElseThrow())
                .satisfies(requirement -> {
                    assertThat(requirement.metric()).isEqualTo("roc_auc[gender=F]");
                    assertThat(requirement.threshold().slope()).isCloseTo(0.98, within(1e-15));
                    assertThat(requirement.threshold().intercept()).isCloseTo(-0.0098 + 0.001, within(1e-15));
                    assertThat(requirement.confidence()).isCloseTo(0.975, within(1e-15));
                });
    }

    @Test
    public void shouldRejectAnEmptyRule() {
        assertThatThrownBy(() -> RuleParser.parse(new RuleSource(3, "  ")))
                .hasMessage("rule 3 '': the rule is empty; write for example 'accuracy >= 0.85'");
    }

    @Test
    public void shouldNameThePositionOfAMissingComparison() {
        assertRejected("accuracy 0.85", "expected a comparison (>=, <=, > or <) but found number 0.85 at position 10");
        assertRejected("accuracy", "expected a comparison (>=, <=, > or <) but found the end of the rule at position 9");
    }

    @Test
    public void shouldRejectEqualityWithTheComparisonsThatExist() {
        assertRejected("accuracy == 0.85", "'==' is not a comparison; use >=, <=, > or < at position 10");
        assertRejected("accuracy != 0.85", "'!' is not part of the rule language; use >=, <=, > or < at position 10");
        assertRejected("accuracy => 0.85", "'=>' is not a comparison; use >=, <=, > or < at position 10");
    }

    @Test
    public void shouldRejectACharacterOutsideTheLanguage() {
        assertRejected("accuracy >= 0.85; rm -rf /", "unexpected character ';' at position 17");
        assertRejected("accuracy >= 85 %", "unexpected '%' after the end of the rule at position 16");
    }

    @Test
    public void shouldRejectAnIncompleteExpression() {
        assertRejected("f1 >= champion.f1 -", "expected a number, a metric or '(' but found the end of the rule at position 20");
        assertRejected("f1 >= (champion.f1 - 0.01", "expected ')' to close the '(' at position 7 but found the end of the rule at position 26");
        assertRejected("f1 >= champion.", "expected a metric name but found the end of the rule at position 16");
        assertRejected("f1 >= 0.8 0.9", "unexpected number 0.9 after the end of the rule at position 11");
    }

    @Test
    public void shouldRejectANumberRunningIntoAName() {
        assertRejected("f1 >= 0.8x", "unexpected 'x' after number 0.8 (a metric name starts with a letter or _) at position 10");
    }

    @Test
    public void shouldRejectMalformedSlices() {
        assertRejected("accuracy[gender=F >= 0.8", "expected a closing ] for the slice opened at position 9 at position 25");
        assertRejected("accuracy[gender] >= 0.8", "expected a slice such as [gender=F] but found '[gender]' at position 9");
        assertRejected("accuracy[=F] >= 0.8", "expected a slice such as [gender=F] but found '[=F]' at position 9");
    }

    @Test
    public void shouldListTheFunctionsForAnUnknownOne() {
        assertRejected("mean_gap(accuracy, by=gender) <= 0.05", "unknown function 'mean_gap'; the functions are max_gap, min, max at position 1");
    }

    @Test
    public void shouldAskForTheSliceAttributeOfAFunction() {
        assertRejected("max_gap(accuracy) <= 0.05",
                "expected ',' and 'by=ATTRIBUTE' after the metric of max_gap but found ')' at position 17");
        assertRejected("max_gap(accuracy, gender) <= 0.05", "expected 'by=ATTRIBUTE' but found 'gender' at position 19");
        assertRejected("max_gap(accuracy, by gender) <= 0.05", "expected '=' after 'by' but found 'gender' at position 22");
    }

    @Test
    public void shouldRejectARuleWithoutMetrics() {
        assertRejected("1 > 0", "the rule compares no metric; write for example 'accuracy >= 0.85'");
    }

    @Test
    public void shouldRejectAConfidenceLevelOutOfRange() {
        assertRejected("f1 > champion.f1 with 100% confidence", "the confidence level must be at least 50% and below 100%, not 100% at position 23");
        assertRejected("f1 > champion.f1 with 0.95 confidence", "expected '%' after the confidence level 0.95 but found 'confidence' at position 28");
        assertRejected("f1 > champion.f1 with 95% certainty", "expected 'confidence' but found 'certainty' at position 27");
    }

    @Test
    public void shouldExplainTheShapeOfASignificanceRule() {
        String shape = "a rule with 'significantly' or 'with N% confidence' compares a metric of this model with the same"
                + " metric of the champion, such as 'f1 > champion.f1 significantly' or 'logloss <= champion.logloss * 1.02"
                + " with 95% confidence'";
        assertRejected("f1 > 0.8 significantly", shape);
        assertRejected("f1 > champion.accuracy significantly", shape);
        assertRejected("champion.f1 < f1 significantly", shape);
        assertRejected("f1 > champion.f1 * champion.f1 significantly", shape);
        assertRejected("f1 - 0.01 > champion.f1 significantly", shape);
        assertRejected("f1 > 1 - champion.f1 significantly", shape);
    }

    @Test
    public void shouldKeepRuleMessagesOnOneLine() {
        assertThatThrownBy(() -> RuleParser.parse(new RuleSource(2, "accuracy >=\n 0.85 ;")))
                .hasMessage("rule 2 'accuracy >= 0.85 ;': unexpected character ';' at position 19");
    }

    @Test
    public void shouldCompareValueObjectsByValue() {
        EqualsVerifier.forClass(MetricValues.class).withNonnullFields("values").verify();
        EqualsVerifier.forClass(GateRule.class)
                .withPrefabValues(SignificanceRequirement.class,
                        new SignificanceRequirement("f1", new LinearForm(1, 0), 0.95),
                        new SignificanceRequirement("f1", new LinearForm(1, -0.01), 0.95))
                .suppress(Warning.NULL_FIELDS)
                .verify();
        EqualsVerifier.forClass(LinearForm.class).verify();
    }

    @Test
    public void shouldRefuseADivisionByZeroWhenTheRuleIsRead() {
        assertRejected("accuracy >= 1/0", "division by zero: '1 / 0' is not a number at position 14");
        assertRejected("f1 / (2 - 2) > 0.5", "division by zero: 'f1 / (2 - 2)' is not a number at position 4");
        assertRejected("f1 >= champion.f1 / 0.0", "division by zero: 'champion.f1 / 0' is not a number at position 19");
    }

    @Test
    public void shouldLeaveADivisionByAMetricToTheValues() {
        assertThat(parse("f1 / champion.f1 >= 0.98").references()).hasSize(2);
    }
}
