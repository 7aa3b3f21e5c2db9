package io.jenkins.plugins.mldelivery.core.canary.judge;

import java.util.List;

/**
 * The judge's verdict on one analysed step.
 *
 * @param index   the position of the step among the analysed steps, from 0
 * @param weight  the canary's share of traffic in the step
 * @param score   the weighted share of judged metrics that passed, 0 to 100, or {@code null} if none had data
 * @param verdict pass, inconclusive or fail
 * @param reason  one line saying why
 * @param metrics the verdict on each metric, in plan order
 */
public record StepJudgement(int index, int weight, Double score, StepVerdict verdict, String reason, List<MetricVerdict> metrics) {
    /** Copies the metrics. */
    public StepJudgement {
        metrics = List.copyOf(metrics);
    }
}
