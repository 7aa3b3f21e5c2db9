package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report is made from: the run's results, its build record, the window of builds its
 * trends show (which includes this build), the champion to compare with and the model card.
 *
 * @param run       the run's step results
 * @param current   the run's build record
 * @param window    the builds of the trends, newest first
 * @param champion  the champion's metrics, if known
 * @param modelCard the model card, if the run has one
 */
public record ReportInput(RunResults run, BuildRecord current, TrendWindow window, Optional<ChampionMetrics> champion,
        Optional<ModelCard> modelCard) {
    /** Validates the fields; a window without the current build gets it added. */
    public ReportInput {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(champion, "champion");
        Objects.requireNonNull(modelCard, "modelCard");
        if (window.newestFirst().stream().noneMatch(record -> record.build() == current.build())) {
            List<BuildRecord> records = new java.util.ArrayList<>(window.newestFirst());
            records.add(current);
            window = new TrendWindow(records);
        }
    }

    /**
     * Makes the input of a run without history: the trends show this build alone, and the champion
     * comes from the gate result if it carries one.
     *
     * @param run the run's results
     * @return the input
     */
    public static ReportInput of(final RunResults run) {
        BuildRecord current = BuildRecord.of(run, 1, "#1");
        TrendWindow window = new TrendWindow(List.of(current));
        return new ReportInput(run, current, window, ChampionMetrics.find(run, window, current.build()), Optional.empty());
    }

    /**
     * Returns the gate's rules, or none if the run had no gate.
     *
     * @return the rules
     */
    public List<GateRecord.Rule> rules() {
        return current.gate() == null ? List.of() : current.gate().rules();
    }

    /**
     * Compares this run's metrics with the champion's.
     *
     * @return one change per metric, sorted by name
     */
    public List<MetricChange> metricChanges() {
        return MetricChange.compare(current.metrics(), champion.map(ChampionMetrics::metrics).orElse(java.util.Collections.emptySortedMap()),
                rules());
    }

    /**
     * Returns the same input with another champion.
     *
     * @param other the champion's metrics
     * @return the input
     */
    public ReportInput withChampion(final ChampionMetrics other) {
        return new ReportInput(run, current, window, Optional.of(other), modelCard);
    }

    /**
     * Returns the same input with a model card.
     *
     * @param card the model card
     * @return the input
     */
    public ReportInput withModelCard(final ModelCard card) {
        return new ReportInput(run, current, window, champion, Optional.of(card));
    }
}
