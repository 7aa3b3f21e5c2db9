package io.jenkins.plugins.mldelivery.core.canary.judge;

import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.SpendingFunction;
import io.jenkins.plugins.mldelivery.core.canary.plan.Thresholds;
import io.jenkins.plugins.mldelivery.core.canary.plan.TrafficStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges each analysed step of a rollout: every metric gets a sequential verdict, the step a
 * Kayenta-style score (the weighted share of judged metrics that passed) and a verdict from the
 * pass and marginal thresholds, with any regressed critical metric failing the step outright.
 * <p>
 * The rollout's false-alarm rate {@code alpha} holds over all metrics and all looks: each of the
 * {@code M} metrics gets {@code alpha / M} (Bonferroni), a continuous metric splits its share
 * equally between its location and spread tests, and each test spends its share over the looks
 * with the plan's function of {@link AlphaSpending} (O'Brien-Fleming type unless the plan says Pocock).
 */
public final class RolloutJudge {
    private final List<MetricSpec> metrics;
    private final List<MetricJudge> judges;
    private final Thresholds thresholds;
    private final double[] fractions;

    /**
     * Creates the judge.
     *
     * @param metrics    the metrics, in plan order
     * @param alpha      the rollout's false-alarm rate over all metrics and looks
     * @param thresholds the score's pass and marginal thresholds
     * @param fractions  the planned information fraction of each analysed step, increasing to 1
     */
    public RolloutJudge(final List<MetricSpec> metrics, final double alpha, final Thresholds thresholds, final double[] fractions) {
        this(metrics, alpha, thresholds, fractions, SpendingFunction.OBRIEN_FLEMING);
    }

    /**
     * Creates the judge with a chosen spending function.
     *
     * @param metrics    the metrics, in plan order
     * @param alpha      the rollout's false-alarm rate over all metrics and looks
     * @param thresholds the score's pass and marginal thresholds
     * @param fractions  the planned information fraction of each analysed step, increasing to 1
     * @param spending   how each test spends its error over the looks
     */
    public RolloutJudge(final List<MetricSpec> metrics, final double alpha, final Thresholds thresholds, final double[] fractions,
            final SpendingFunction spending) {
        this.metrics = List.copyOf(metrics);
        this.thresholds = thresholds;
        this.fractions = fractions.clone();
        this.judges = this.metrics.stream().map(spec -> new MetricJudge(spec, alpha / metrics.size(), spending)).toList();
    }

    /**
     * Creates the judge of a plan.
     *
     * @param plan the plan
     * @return its judge
     */
    public static RolloutJudge of(final RolloutPlan plan) {
        return new RolloutJudge(plan.metrics(), plan.alpha(), plan.thresholds(), plannedFractions(plan.analysedSteps()), plan.spending());
    }

    /**
     * Returns the information fraction each analysed step is planned to reach, assuming steady
     * traffic: a step of length {@code d} at canary share {@code w} adds information in proportion
     * to {@code d·w·(1−w)} (the effective sample size {@code mn/(m+n)} of its split). When no step
     * has a length (a replay), every step counts as one unit of time.
     *
     * @param steps the analysed steps
     * @return the cumulative fractions, the last one exactly 1
     */
    public static double[] plannedFractions(final List<TrafficStep> steps) {
        boolean timed = steps.stream().anyMatch(step -> !step.interval().isZero());
        double[] cumulative = new double[steps.size()];
        double total = 0;
        for (int i = 0; i < steps.size(); i++) {
            double share = steps.get(i).weight() / 100.0;
            double length = timed ? Math.max(1, steps.get(i).interval().toMillis()) : 1;
            total += length * share * (1 - share);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = i == cumulative.length - 1 ? 1 : cumulative[i] / total;
        }
        return cumulative;
    }

    /**
     * Judges one analysed step.
     *
     * @param index   the step's position among the analysed steps, from 0
     * @param weight  the canary's share of traffic in the step
     * @param samples the observations by metric name (missing names count as no data)
     * @param history the judgements of earlier looks, oldest first
     * @return the step's judgement
     */
    public StepJudgement judge(final int index, final int weight, final Map<String, MetricSamples> samples,
            final List<StepJudgement> history) {
        if (index < 0 || index >= fractions.length) {
            throw new IllegalArgumentException("no analysed step " + index + "; the plan has " + fractions.length);
        }
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            MetricSpec spec = metrics.get(m);
            List<MetricJudge.Past> past = new ArrayList<>();
            for (StepJudgement earlier : history) {
                for (MetricVerdict verdict : earlier.metrics()) {
                    if (verdict.name().equals(spec.name()) && verdict.classification() != Classification.NO_DATA) {
                        past.add(new MetricJudge.Past(verdict, fractions[earlier.index()]));
                    }
                }
            }
            verdicts.add(judges.get(m).judge(samples.get(spec.name()), fractions[index], past));
        }
        return score(index, weight, verdicts);
    }

    private StepJudgement score(final int index, final int weight, final List<MetricVerdict> verdicts) {
        double judged = 0;
        double failed = 0;
        List<String> criticalFailures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            MetricSpec spec = metrics.get(m);
            MetricVerdict verdict = verdicts.get(m);
            boolean noData = verdict.classification() == Classification.NO_DATA;
            if (noData && !spec.mustHaveData()) {
                continue;
            }
            judged += spec.weight();
            if (noData || verdict.classification().regression()) {
                failed += spec.weight();
                String failure = spec.name() + " " + (noData ? "has no data (must have data)" : verdict.reason());
                failures.add(failure);
                if (spec.critical()) {
                    criticalFailures.add(failure);
                }
            }
        }
        if (judged == 0) {
            return new StepJudgement(index, weight, null, StepVerdict.INCONCLUSIVE, "no metric had data", verdicts);
        }
        double score = 100 * (judged - failed) / judged;
        String scoreText = String.format(Locale.ROOT, "score %.1f (pass %.0f, marginal %.0f)", score, thresholds.pass(), thresholds.marginal());
        if (!criticalFailures.isEmpty()) {
            return new StepJudgement(index, weight, score, StepVerdict.FAIL,
                    "critical metric " + criticalFailures.get(0) + "; " + scoreText, verdicts);
        }
        if (score >= thresholds.pass()) {
            return new StepJudgement(index, weight, score, StepVerdict.PASS, scoreText, verdicts);
        }
        String detail = scoreText + ": " + String.join("; ", failures);
        if (score < thresholds.marginal()) {
            return new StepJudgement(index, weight, score, StepVerdict.FAIL, detail, verdicts);
        }
        return new StepJudgement(index, weight, score, StepVerdict.INCONCLUSIVE, "marginal " + detail, verdicts);
    }
}
