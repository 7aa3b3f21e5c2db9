package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.result.PromoteRecord.AliasMove;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.CanarySummary;
import io.jenkins.plugins.mldelivery.core.history.DataQuality;
import io.jenkins.plugins.mldelivery.core.history.DriftSummary;
import io.jenkins.plugins.mldelivery.core.history.FeatureDrift;
import io.jenkins.plugins.mldelivery.core.history.GateSummary;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.history.chart.ShortNumber;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary of a run for a pull-request comment, in the spirit of CML: the verdicts in one line,
 * the metrics with their change against the champion, the failed gate rules and the five most
 * drifted features. Its first line is a fixed HTML comment, {@link #MARKER}, so a CI job can find
 * its previous comment and update it instead of adding another.
 */
public final class MarkdownSummary {
    /** The first line of every summary; search a pull request's comments for it. */
    public static final String MARKER = "<!-- ml-delivery-report -->";

    /** How many drifted features the summary lists. */
    public static final int DRIFTED_FEATURES = 5;

    private MarkdownSummary() {
        // static rendering only
    }

    /**
     * Renders the summary.
     *
     * @param input the report's input
     * @return Markdown, ending with a newline
     */
    public static String render(final ReportInput input) {
        BuildRecord record = input.current();
        List<String> lines = new ArrayList<>();
        lines.add(MARKER);
        lines.add("### " + Verdicts.symbol(record.status().name()) + " ML Delivery · build " + MarkdownText.escape(record.label())
                + " · " + record.status().name());
        lines.add("");
        lines.add(String.join(" · ", headline(record)));
        metrics(input, lines);
        gate(record.gate(), lines);
        drift(record.drift(), lines);
        lines.add("");
        lines.add("<sub>Made by ml-delivery report from the " + String.join(", ", input.run().steps().keySet())
                + " results of this run.</sub>");
        return String.join("\n", lines) + "\n";
    }

    private static List<String> headline(final BuildRecord record) {
        List<String> parts = new ArrayList<>();
        GateSummary gate = record.gate();
        if (gate != null) {
            parts.add("**Gate** " + Verdicts.label(gate.verdict()) + " (" + ruleCounts(gate) + ")");
        }
        DataQuality quality = record.dataQuality();
        if (quality != null) {
            parts.add("**Data** " + quality.rows() + " rows, " + quality.violations()
                    + (quality.violations() == 1 ? " violation" : " violations"));
        }
        DriftSummary drift = record.drift();
        if (drift != null) {
            parts.add("**Drift** " + (drift.datasetDrift() ? "⚠ dataset drift" : "✔ no dataset drift") + " ("
                    + drift.driftedColumns() + " of " + drift.columns() + " compared features drifted)");
        }
        for (AliasMove move : record.aliasMoves()) {
            parts.add("**Model** " + MarkdownText.escape(move.model()) + " version " + MarkdownText.escape(move.version())
                    + " → " + MarkdownText.escape(move.alias())
                    + (move.previousVersion() == null ? "" : " (was version " + MarkdownText.escape(move.previousVersion()) + ")"));
        }
        if (record.promotion() != null) {
            parts.add("**Model** ✘ not promoted: " + MarkdownText.escape(record.promotion().model()) + " → "
                    + MarkdownText.escape(record.promotion().alias()) + " refused, the alias did not move");
        }
        CanarySummary canary = record.canary();
        if (canary != null) {
            parts.add("**Canary** " + Verdicts.label(canary.decision()) + " after " + canary.steps()
                    + (canary.steps() == 1 ? " step" : " steps")
                    + (canary.finalWeight() == null ? "" : " (last at " + ShortNumber.format(canary.finalWeight()) + "% traffic)"));
        }
        if (parts.isEmpty()) {
            parts.add("No gate, data, model or canary results in this run.");
        }
        return parts;
    }

    /**
     * Counts a gate's rules for people.
     *
     * @param gate the gate
     * @return e.g. {@code all 5 rules passed} or {@code 1 of 5 rules failed, 1 skipped}
     */
    static String ruleCounts(final GateSummary gate) {
        int total = gate.rules().size();
        long passed = gate.rules().stream().filter(GateRecord.Rule::passed).count();
        if (passed == total) {
            return "all " + total + (total == 1 ? " rule" : " rules") + " passed";
        }
        List<String> parts = new ArrayList<>();
        parts.add(gate.failedRules().size() + " of " + total + " rules failed");
        long warned = gate.rules().stream().filter(GateRecord.Rule::warned).count();
        long skipped = gate.rules().stream().filter(GateRecord.Rule::skipped).count();
        if (warned > 0) {
            parts.add(warned + " warned");
        }
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        return String.join(", ", parts);
    }

    private static void metrics(final ReportInput input, final List<String> lines) {
        List<MetricChange> changes = input.metricChanges();
        if (changes.isEmpty()) {
            return;
        }
        lines.add("");
        if (input.champion().isPresent()) {
            lines.add("#### Metrics against the " + MarkdownText.escape(input.champion().get().label()));
            lines.add("");
            lines.add("| Metric | This run | Champion | Change |");
            lines.add("| :--- | ---: | ---: | :--- |");
            for (MetricChange change : changes) {
                lines.add("| " + MarkdownText.escape(change.name()) + " | " + ShortNumber.format(change.current()) + " | "
                        + ShortNumber.format(change.champion()) + " | " + change.describe() + " |");
            }
        }
        else {
            lines.add("#### Metrics (no champion to compare with yet)");
            lines.add("");
            lines.add("| Metric | This run |");
            lines.add("| :--- | ---: |");
            for (MetricChange change : changes) {
                lines.add("| " + MarkdownText.escape(change.name()) + " | " + ShortNumber.format(change.current()) + " |");
            }
        }
    }

    private static void gate(final GateSummary gate, final List<String> lines) {
        if (gate == null) {
            return;
        }
        List<GateRecord.Rule> failed = gate.failedRules();
        List<GateRecord.Rule> warned = gate.rules().stream().filter(GateRecord.Rule::warned).toList();
        List<GateRecord.Rule> skipped = gate.rules().stream().filter(GateRecord.Rule::skipped).toList();
        lines.add("");
        if (failed.isEmpty() && warned.isEmpty()) {
            lines.add("#### Gate " + Verdicts.label(gate.verdict()) + ": no rule failed");
        }
        else {
            lines.add("#### Gate " + Verdicts.label(gate.verdict()) + ": " + (failed.isEmpty() ? "rules that warned" : "failed rules"));
            lines.add("");
            lines.add("| Rule | Value | Threshold | p-value | Why |");
            lines.add("| :--- | ---: | ---: | ---: | :--- |");
            for (GateRecord.Rule rule : failed) {
                lines.add(ruleRow("✘ ", rule));
            }
            for (GateRecord.Rule rule : warned) {
                lines.add(ruleRow("⚠ ", rule));
            }
        }
        if (!skipped.isEmpty()) {
            lines.add("");
            lines.add("Skipped: " + String.join("; ", skipped.stream().map(rule -> MarkdownText.escape(rule.rule())
                    + (rule.reason() == null ? "" : " (" + MarkdownText.escape(rule.reason()) + ")")).toList()) + ".");
        }
    }

    private static String ruleRow(final String symbol, final GateRecord.Rule rule) {
        return "| " + symbol + MarkdownText.escape(rule.rule()) + " | " + ShortNumber.format(rule.left()) + " | "
                + ShortNumber.format(rule.right()) + " | " + ShortNumber.format(rule.pValue()) + " | "
                + (rule.reason() == null ? "–" : MarkdownText.escape(rule.reason())) + " |";
    }

    private static void drift(final DriftSummary drift, final List<String> lines) {
        if (drift == null || drift.mostDrifted().isEmpty()) {
            return;
        }
        List<FeatureDrift> top = drift.mostDrifted().stream().limit(DRIFTED_FEATURES).toList();
        lines.add("");
        lines.add("#### Most drifted features (" + drift.driftedColumns() + " of " + drift.columns() + " drifted, "
                + ShortNumber.percent(drift.driftedShare()) + ")");
        lines.add("");
        lines.add("| Feature | Effect size | Measure | Threshold | p (adjusted) | Drifted |");
        lines.add("| :--- | ---: | :--- | ---: | ---: | :--- |");
        for (FeatureDrift feature : top) {
            lines.add("| " + MarkdownText.escape(feature.name()) + " | " + ShortNumber.format(feature.effectSize()) + " | "
                    + MarkdownText.escape(feature.measure()) + " | " + ShortNumber.format(feature.threshold()) + " | "
                    + ShortNumber.format(feature.pValueAdjusted()) + " | " + (feature.drifted() ? "⚠ yes" : "no") + " |");
        }
    }
}
