package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.AllowedChange;
import io.jenkins.plugins.mldelivery.core.canary.plan.Direction;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.Thresholds;
import io.jenkins.plugins.mldelivery.core.canary.plan.TrafficStep;
import org.junit.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

public class RolloutJudgeTest {
    private static final double[] THREE_LOOKS = RolloutJudge.plannedFractions(List.of(
            new TrafficStep(5, Duration.ofMinutes(5)), new TrafficStep(25, Duration.ofMinutes(5)), new TrafficStep(50, Duration.ofMinutes(5))));

    private static MetricSpec rate(final String name, final boolean critical, final AllowedChange allowed) {
        return new MetricSpec(name, MetricKind.RATE, Direction.INCREASE, allowed, critical, false, 1, Map.of());
    }

    private static MetricSpec latency(final Direction direction) {
        return new MetricSpec("latency_ms", MetricKind.CONTINUOUS, direction, AllowedChange.NONE, true, false, 1, Map.of());
    }

    private static Map<String, MetricSamples> errors(final long canaryEvents, final long canaryTrials, final long stableEvents, final long stableTrials) {
        return Map.of("error_rate", new MetricSamples(new Observation.Counts(stableEvents, stableTrials), new Observation.Counts(canaryEvents, canaryTrials)));
    }

    @Test
    public void shouldFailTheStepWhenACriticalErrorRateDoubles() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(400, 20_000, 200, 20_000), List.of());

        assertThat(step.verdict()).isEqualTo(StepVerdict.FAIL);
        assertThat(step.metrics().get(0).classification()).isEqualTo(Classification.HIGH);
        assertThat(step.reason()).startsWith("critical metric error_rate High");
    }

    @Test
    public void shouldPassACanaryWithTheSameErrorRate() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(205, 20_000, 200, 20_000), List.of());

        assertThat(step.verdict()).isEqualTo(StepVerdict.PASS);
        assertThat(step.score()).isEqualTo(100.0);
    }

    @Test
    public void shouldNotStopAtTheFirstSmallLookOnEvidenceThatWouldConvinceAFixedTest() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        // z ≈ 2.6 (fixed-horizon p ≈ 0.005), but the first look may only spend a sliver of alpha
        StepJudgement first = judge.judge(0, 5, errors(22, 1000, 200, 19_000), List.of());

        assertThat(first.metrics().get(0).location().z()).isGreaterThan(2.5);
        assertThat(first.metrics().get(0).classification()).isEqualTo(Classification.PASS);
        assertThat(first.metrics().get(0).location().criticalValue()).isGreaterThan(4);
    }

    @Test
    public void shouldStopAtTheFirstLookWhenTheRegressionIsOverwhelming() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement first = judge.judge(0, 5, errors(150, 1000, 200, 19_000), List.of());

        assertThat(first.verdict()).isEqualTo(StepVerdict.FAIL);
    }

    @Test
    public void shouldAccumulateEvidenceAcrossSteps() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement first = judge.judge(0, 5, errors(22, 1000, 200, 19_000), List.of());
        StepJudgement second = judge.judge(1, 25, errors(105, 5000, 150, 15_000), List.of(first));

        assertThat(first.verdict()).isEqualTo(StepVerdict.PASS);
        assertThat(second.metrics().get(0).location().combinedZ()).isGreaterThan(second.metrics().get(0).location().z());
        assertThat(second.verdict()).isEqualTo(StepVerdict.FAIL);
    }

    @Test
    public void shouldPassASignificantIncreaseWithinTheAllowedRatio() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.ratio(1.2))), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(11_000, 1_000_000, 10_000, 1_000_000), List.of());

        assertThat(step.metrics().get(0).location().pValue()).isLessThan(1e-6);
        assertThat(step.metrics().get(0).classification()).isEqualTo(Classification.PASS);
    }

    @Test
    public void shouldNotCallAnImprovementARegression() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(100, 20_000, 400, 20_000), List.of());

        assertThat(step.verdict()).isEqualTo(StepVerdict.PASS);
    }

    @Test
    public void shouldFlagAFallOfAMetricWhoseDecreaseIsBadAsLow() {
        RolloutJudge judge = new RolloutJudge(List.of(latency(Direction.DECREASE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);
        SplittableRandom random = new SplittableRandom(7);

        StepJudgement step = judge.judge(2, 50, Map.of("latency_ms", new MetricSamples(
                normal(random, 500, 100, 10), normal(random, 500, 95, 10))), List.of());

        assertThat(step.metrics().get(0).classification()).isEqualTo(Classification.LOW);
    }

    @Test
    public void shouldFlagAWiderSpreadWithTheSameMedianWhichARankTestCannotSee() {
        RolloutJudge judge = new RolloutJudge(List.of(latency(Direction.INCREASE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);
        SplittableRandom random = new SplittableRandom(11);

        StepJudgement step = judge.judge(2, 50, Map.of("latency_ms", new MetricSamples(
                normal(random, 1000, 50, 5), normal(random, 1000, 50, 15))), List.of());

        MetricVerdict verdict = step.metrics().get(0);
        assertThat(verdict.location().pValue()).isGreaterThan(0.01);
        assertThat(verdict.classification()).isEqualTo(Classification.HIGH);
        assertThat(verdict.reason()).contains("spread");
    }

    @Test
    public void shouldSeeADoubledErrorRateThatARankTestOnPerIntervalRatesMisses() {
        // Kayenta compares per-interval error rates with Mann-Whitney: at 1% errors and 20 requests
        // per interval most intervals show 0, and the ties hide a doubling that the counts show.
        SplittableRandom random = new SplittableRandom(3);
        int intervals = 600;
        double[] stable = new double[intervals];
        double[] canary = new double[intervals];
        long stableErrors = 0;
        long canaryErrors = 0;
        for (int i = 0; i < intervals; i++) {
            int s = binomial(random, 20, 0.01);
            int c = binomial(random, 20, 0.02);
            stable[i] = s / 20.0;
            canary[i] = c / 20.0;
            stableErrors += s;
            canaryErrors += c;
        }
        ShiftEstimate shift = ShiftEstimate.of(canary, stable, 0.95);
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(canaryErrors, 20L * intervals, stableErrors, 20L * intervals), List.of());

        assertThat(shift.lower()).as("Kayenta's interval includes no change").isLessThanOrEqualTo(0);
        assertThat(step.metrics().get(0).classification()).isEqualTo(Classification.HIGH);
    }

    @Test
    public void shouldCountAMissingMetricAgainstTheScoreOnlyWhenItMustHaveData() {
        MetricSpec optional = rate("error_rate", false, AllowedChange.NONE);
        MetricSpec required = new MetricSpec("latency_ms", MetricKind.CONTINUOUS, Direction.INCREASE, AllowedChange.NONE, false, true, 1, Map.of());
        RolloutJudge judge = new RolloutJudge(List.of(optional, required), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(2, 50, errors(200, 20_000, 200, 20_000), List.of());

        assertThat(step.metrics().get(1).classification()).isEqualTo(Classification.NO_DATA);
        assertThat(step.score()).isEqualTo(50.0);
        assertThat(step.verdict()).isEqualTo(StepVerdict.FAIL);
    }

    @Test
    public void shouldBeInconclusiveWhenNoMetricHasData() {
        RolloutJudge judge = new RolloutJudge(List.of(rate("error_rate", true, AllowedChange.NONE)), 0.05, Thresholds.DEFAULT, THREE_LOOKS);

        StepJudgement step = judge.judge(0, 5, Map.of(), List.of());

        assertThat(step.verdict()).isEqualTo(StepVerdict.INCONCLUSIVE);
        assertThat(step.score()).isNull();
    }

    @Test
    public void shouldBeInconclusiveWhenTheScoreIsMarginal() {
        List<MetricSpec> metrics = List.of(rate("a", false, AllowedChange.NONE), rate("b", false, AllowedChange.NONE),
                rate("c", false, AllowedChange.NONE), rate("d", false, AllowedChange.NONE));
        RolloutJudge judge = new RolloutJudge(metrics, 0.05, Thresholds.DEFAULT, THREE_LOOKS);
        MetricSamples same = new MetricSamples(new Observation.Counts(100, 10_000), new Observation.Counts(100, 10_000));
        MetricSamples worse = new MetricSamples(new Observation.Counts(100, 10_000), new Observation.Counts(300, 10_000));

        StepJudgement step = judge.judge(2, 50, Map.of("a", same, "b", same, "c", same, "d", worse), List.of());

        assertThat(step.score()).isEqualTo(75.0);
        assertThat(step.verdict()).isEqualTo(StepVerdict.INCONCLUSIVE);
    }

    @Test
    public void shouldPlanInformationFractionsFromWeightsAndIntervals() {
        double[] fractions = RolloutJudge.plannedFractions(List.of(new TrafficStep(10, Duration.ofMinutes(1)),
                new TrafficStep(50, Duration.ofMinutes(1))));

        // 0.1 * 0.9 = 0.09 and 0.5 * 0.5 = 0.25 of information per minute
        assertThat(fractions[0]).isEqualTo(0.09 / 0.34, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(fractions[1]).isEqualTo(1.0);
    }

    static Observation.Values normal(final SplittableRandom random, final int n, final double mean, final double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            values[i] = mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return Observation.Values.of(values);
    }

    private static int binomial(final SplittableRandom random, final int n, final double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
