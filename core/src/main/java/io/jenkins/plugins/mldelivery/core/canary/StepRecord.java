package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.MetricVerdict;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepJudgement;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepVerdict;

import java.time.Instant;
import java.util.List;

/**
 * One analysis of a step, as persisted in the state and reported in the result.
 *
 * @param index      the step's position among the analysed steps, from 0
 * @param weight     the canary's percentage of traffic during the step
 * @param score      the step's score, 0 to 100, or {@code null} without a judgement
 * @param decision   pass, inconclusive or fail
 * @param reason     one line saying why
 * @param metrics    the verdict on each metric (empty when the metrics source failed)
 * @param startedAt  when the step's weight took effect
 * @param analysedAt when the analysis ran
 * @param notes      what the metrics source said besides samples
 */
public record StepRecord(int index, int weight, Double score, StepVerdict decision, String reason, List<MetricVerdict> metrics,
        Instant startedAt, Instant analysedAt, List<String> notes) {
    /** Copies the lists. */
    public StepRecord {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * Returns the judgement this record holds, for the judge's history.
     *
     * @return the judgement
     */
    StepJudgement judgement() {
        return new StepJudgement(index, weight, score, decision, reason, metrics);
    }
}
