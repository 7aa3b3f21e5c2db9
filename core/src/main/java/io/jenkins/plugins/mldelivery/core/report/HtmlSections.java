package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.DriftSummary;
import io.jenkins.plugins.mldelivery.core.history.FeatureDrift;
import io.jenkins.plugins.mldelivery.core.result.CanaryRecord;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.RecordedStep;
import io.jenkins.plugins.mldelivery.core.result.TrainRecord;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.history.chart.CanaryTimelineChart;
import io.jenkins.plugins.mldelivery.core.history.chart.DataQualityTrendChart;
import io.jenkins.plugins.mldelivery.core.history.chart.DriftChart;
import io.jenkins.plugins.mldelivery.core.history.chart.HistogramChart;
import io.jenkins.plugins.mldelivery.core.history.chart.MetricTrendChart;
import io.jenkins.plugins.mldelivery.core.history.chart.ShortNumber;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sections of the HTML report, each a heading, its charts and its tables.
 */
final class HtmlSections {
    private static final int ROWS_SHOWN = 10;

    private final ReportInput input;
    private final ChartSlots charts;

    HtmlSections(final ReportInput input, final ChartSlots charts) {
        this.input = input;
        this.charts = charts;
    }

    void metrics(final HtmlBuilder html) {
        List<MetricChange> changes = input.metricChanges();
        if (changes.isEmpty()) {
            return;
        }
        html.open("section", "id", "metrics").element("h2", "Metrics");
        boolean champion = input.champion().isPresent();
        html.element("p", champion ? "This run against the " + input.champion().get().label() + "."
                : "No champion to compare with yet.");
        html.open("table", "class", "metrics");
        html.row(true, champion ? new String[] {"Metric", "This run", "Champion", "Change"} : new String[] {"Metric", "This run"});
        for (MetricChange change : changes) {
            html.open("tr").element("td", change.name()).element("td", ShortNumber.format(change.current()), "class", "num");
            if (champion) {
                Boolean better = change.better();
                html.element("td", ShortNumber.format(change.champion()), "class", "num")
                        .element("td", change.describe(), "class", better == null ? "neutral" : better ? "good" : "bad");
            }
            html.close("tr");
        }
        html.close("table");
        TrendWindow window = input.window();
        html.element("h3", "Trend over " + window.size() + (window.size() == 1 ? " build" : " builds")
                + " (dashed lines: this build's gate thresholds)");
        html.open("div", "class", "charts");
        for (String group : MetricTrendChart.groups(window)) {
            charts.trend(html, group, MetricTrendChart.create(window, group));
        }
        html.close("div").close("section");
    }

    void gate(final HtmlBuilder html) {
        if (input.current().gate() == null) {
            return;
        }
        String verdict = input.current().gate().verdict();
        html.open("section", "id", "gate").element("h2", "Gate: " + Verdicts.label(verdict));
        html.open("table", "class", "gate").row(true, "Result", "Rule", "Value", "Threshold", "p-value", "Why");
        for (GateRecord.Rule rule : input.rules()) {
            String result = rule.skipped() ? "– skipped" : rule.passed() ? "✔ passed" : rule.warned() ? "⚠ warning" : "✘ failed";
            String css = rule.skipped() ? "neutral" : rule.passed() ? "good" : rule.warned() ? "warn" : "bad";
            html.open("tr", "class", rule.failed() ? "failed" : null)
                    .element("td", result, "class", css)
                    .open("td").element("code", rule.rule()).trusted("</td>")
                    .element("td", ShortNumber.format(rule.left()), "class", "num")
                    .element("td", ShortNumber.format(rule.right()), "class", "num")
                    .element("td", ShortNumber.format(rule.pValue()), "class", "num")
                    .element("td", orDash(rule.reason()))
                    .close("tr");
        }
        html.close("table").close("section");
    }

    void dataQuality(final HtmlBuilder html) {
        TrendWindow window = input.window();
        if (window.newestFirst().stream().allMatch(record -> record.dataQuality() == null)) {
            return;
        }
        html.open("section", "id", "data").element("h2", "Data quality");
        Optional<ValidateRecord> validate = input.run().record(ValidateRecord.class);
        if (input.current().dataQuality() != null) {
            long count = input.current().dataQuality().violations();
            html.element("p", input.current().dataQuality().rows() + " rows read, " + count
                    + (count == 1 ? " violation." : " violations."));
        }
        List<ValidateRecord.Violation> violations = validate.map(ValidateRecord::violations).orElse(List.of());
        if (!violations.isEmpty()) {
            html.open("table", "class", "violations").row(true, "Column", "Rule", "Expected", "Found", "Rows");
            for (ValidateRecord.Violation violation : violations) {
                html.row(false, orDash(violation.column()), violation.rule(), text(violation.expected()),
                        text(violation.found()), rows(violation.rows()));
            }
            html.close("table");
        }
        html.element("h3", "Trend over " + window.size() + (window.size() == 1 ? " build" : " builds"));
        html.open("div", "class", "charts");
        charts.trend(html, "Rows read", DataQualityTrendChart.rows(window));
        charts.trend(html, "Violations and drifted features", DataQualityTrendChart.issues(window));
        if (window.newestFirst().stream().anyMatch(r -> r.dataQuality() != null && !r.dataQuality().missingRates().isEmpty())) {
            charts.trend(html, "Missing values (% of rows)",
                    DataQualityTrendChart.missingRates(window, DataQualityTrendChart.DEFAULT_MISSING_COLUMNS));
        }
        html.close("div").close("section");
    }

    void drift(final HtmlBuilder html) {
        ValidateRecord.Drift drift = input.run().record(ValidateRecord.class).map(ValidateRecord::drift).orElse(null);
        DriftSummary summary = input.current().drift();
        if (drift == null || summary == null) {
            return;
        }
        html.open("section", "id", "drift").element("h2", "Drift: " + (summary.datasetDrift() ? "⚠ dataset drift" : "✔ no dataset drift"));
        html.element("p", summary.driftedColumns() + " of " + summary.columns() + " compared features drifted ("
                + ShortNumber.percent(summary.driftedShare()) + "). A feature drifts when its change is significant "
                + "(adjusted p-value) and its effect size exceeds its threshold.");
        html.open("div", "class", "charts");
        charts.figure(html, "Effect size per feature (black tick: threshold; hatched: drifted)", DriftChart.of(drift, DriftChart.DEFAULT_LIMIT));
        histograms(html, drift);
        html.close("div");
        html.open("table", "class", "drift")
                .row(true, "Feature", "Type", "Test", "Statistic", "p-value", "p (adjusted)", "Measure", "Effect size", "Threshold",
                        "Drifted", "Why");
        for (FeatureDrift feature : DriftSummary.features(drift)) {
            html.open("tr", "class", feature.drifted() ? "failed" : null)
                    .element("td", feature.name()).element("td", orDash(feature.type())).element("td", orDash(feature.method()))
                    .element("td", ShortNumber.format(feature.statistic()), "class", "num")
                    .element("td", ShortNumber.format(feature.pValue()), "class", "num")
                    .element("td", ShortNumber.format(feature.pValueAdjusted()), "class", "num")
                    .element("td", feature.measure())
                    .element("td", ShortNumber.format(feature.effectSize()), "class", "num")
                    .element("td", ShortNumber.format(feature.threshold()), "class", "num")
                    .element("td", feature.drifted() ? "⚠ yes" : "no", "class", feature.drifted() ? "warn" : "neutral")
                    .element("td", orDash(feature.reason()))
                    .close("tr");
        }
        html.close("table").close("section");
    }

    /** One chart, with a list to switch between the features that have histograms, most drifted first. */
    private void histograms(final HtmlBuilder html, final ValidateRecord.Drift drift) {
        List<String> order = DriftSummary.features(drift).stream().map(FeatureDrift::name).toList();
        Map<String, HistogramChart> byName = new java.util.HashMap<>();
        drift.columns().forEach(column -> HistogramChart.of(column).ifPresent(chart -> byName.put(chart.feature(), chart)));
        List<HistogramChart> histograms = order.stream().map(byName::get).filter(Objects::nonNull).toList();
        if (histograms.isEmpty()) {
            return;
        }
        html.open("figure").open("figcaption").text("Reference and current on shared bins: ");
        html.open("select", "id", "histogram-feature", "aria-label", "feature");
        List<String> ids = new ArrayList<>();
        for (HistogramChart histogram : histograms) {
            String id = charts.nextId() + "-option";
            ids.add(id);
            html.element("option", histogram.feature() + (histogram.drifted() ? " (drifted)" : ""), "value", id);
        }
        html.close("select").close("figcaption");
        html.open("div", "class", "chart", "id", "histogram-chart", "data-chart", ids.get(0), "role", "img",
                "aria-label", "histogram of the selected feature", "style", "height:320px").close("div");
        charts.placed();
        for (int i = 0; i < histograms.size(); i++) {
            charts.option(html, ids.get(i), histograms.get(i));
        }
        html.element("p", "Charts need JavaScript.", "class", "nojs");
        html.close("figure");
    }

    void canary(final HtmlBuilder html) {
        Optional<CanaryRecord> canary = input.run().record(CanaryRecord.class);
        if (canary.isEmpty()) {
            return;
        }
        CanaryTimelineChart chart = CanaryTimelineChart.of(canary.get());
        html.open("section", "id", "canary").element("h2", "Canary: " + Verdicts.label(chart.decision()));
        if (canary.get().reason() != null) {
            html.element("p", canary.get().reason());
        }
        html.open("div", "class", "charts");
        charts.figure(html, "Traffic weight and score per step", chart, 320);
        html.close("div");
        html.open("table", "class", "canary").row(true, "Step", "Traffic %", "Score", "Decision", "Metrics", "Why");
        int index = 0;
        for (CanaryRecord.Step step : canary.get().steps()) {
            List<String> metrics = new ArrayList<>();
            for (CanaryRecord.Metric metric : step.metrics()) {
                metrics.add(metric.name() + ": " + orDash(metric.classification())
                        + (metric.pValue() != null ? " (p " + ShortNumber.format(metric.pValue()) + ")" : ""));
            }
            html.row(false, String.valueOf(++index), ShortNumber.format(step.weight()), ShortNumber.format(step.score()),
                    orDash(step.decision()), String.join("; ", metrics), orDash(step.reason()));
        }
        html.close("table").close("section");
    }

    void lineage(final HtmlBuilder html) {
        BuildRecord record = input.current();
        Optional<TrainRecord> train = input.run().record(TrainRecord.class);
        if (record.lineage() == null && record.aliasMoves().isEmpty() && record.promotion() == null && train.isEmpty()) {
            return;
        }
        html.open("section", "id", "lineage").element("h2", "Model and lineage");
        record.aliasMoves().forEach(move -> html.element("p", "Promoted " + move.model() + " version " + move.version() + " to "
                + move.alias() + (move.previousVersion() == null ? " (a new alias)." : " (was version " + move.previousVersion() + ").")));
        if (record.promotion() != null) {
            html.element("p", "Not promoted: " + record.promotion().model() + " was not made '" + record.promotion().alias() + "'"
                    + (record.promotion().reason() == null ? "." : " (" + record.promotion().reason() + ")."));
        }
        if (record.lineage() != null) {
            var lineage = record.lineage();
            html.open("table", "class", "lineage");
            html.row(false, "Git commit", orDash(lineage.gitCommit()) + (Boolean.TRUE.equals(lineage.gitDirty()) ? " (with uncommitted changes)" : ""));
            html.row(false, "Command", orDash(lineage.command()));
            html.row(false, "Parameters SHA-256", orDash(lineage.paramsSha256()));
            lineage.data().forEach(file -> html.row(false, "Data " + file.path(), orDash(file.sha256())));
            html.close("table");
        }
        train.ifPresent(t -> {
            if (!t.params().isEmpty()) {
                html.element("h3", "Parameters");
                html.open("table", "class", "params").row(true, "Name", "Value");
                t.params().forEach((name, value) -> html.row(false, name, text(value)));
                html.close("table");
            }
            if (!t.artifacts().isEmpty()) {
                html.element("h3", "Artifacts");
                html.open("table", "class", "artifacts").row(true, "Path", "Bytes", "SHA-256");
                t.artifacts().forEach(a -> html.row(false, a.path(), ShortNumber.format((double) a.bytes()), a.sha256()));
                html.close("table");
            }
        });
        html.close("section");
    }

    void modelCard(final HtmlBuilder html) {
        input.modelCard().ifPresent(card -> html.open("section", "id", "model-card").element("h2", "Model card")
                .open("div", "class", "model-card").trusted(card.toHtml()).close("div").close("section"));
    }

    void inputs(final HtmlBuilder html) {
        RunResults run = input.run();
        html.open("section", "id", "inputs").element("h2", "Inputs");
        html.open("table", "class", "inputs").row(true, "Step", "Status", "File", "Bytes", "SHA-256");
        for (RecordedStep step : run.records()) {
            for (InputIdentity file : step.inputs()) {
                // a step's temporary file (the gate's scored predictions) is gone once the step ended: not an input to trace
                if (goneTemporaryFile(file.path())) {
                    continue;
                }
                html.row(false, step.step(), step.status().name(), file.path(), ShortNumber.format((double) file.bytes()), file.sha256());
            }
        }
        html.close("table");
        if (!run.sources().isEmpty()) {
            html.element("h3", "Result files of this report");
            html.open("table", "class", "sources").row(true, "File", "Bytes", "SHA-256");
            run.sources().forEach(source -> html.row(false, source.path(), String.valueOf(source.bytes()), source.sha256()));
            html.close("table");
        }
        html.close("section");
    }

    private static String text(final JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "–";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String rows(final List<Long> rows) {
        List<String> shown = new ArrayList<>();
        rows.forEach(row -> {
            if (shown.size() < ROWS_SHOWN) {
                shown.add(String.valueOf(row));
            }
        });
        int more = rows.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " … and " + more + " more" : "");
    }

    /** Says whether a path is under the system's temporary directory and no longer exists. */
    static boolean goneTemporaryFile(final String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        return file.startsWith(temporary) && !Files.exists(file);
    }

    private static String orDash(final String text) {
        return text == null ? "–" : text;
    }
}
