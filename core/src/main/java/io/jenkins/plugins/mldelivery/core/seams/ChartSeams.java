package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.DriftSummary;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.history.chart.CanaryTimelineChart;
import io.jenkins.plugins.mldelivery.core.history.chart.ChartModel;
import io.jenkins.plugins.mldelivery.core.history.chart.DriftChart;
import io.jenkins.plugins.mldelivery.core.history.chart.HistogramChart;
import io.jenkins.plugins.mldelivery.core.history.chart.LineChartOption;
import io.jenkins.plugins.mldelivery.core.history.chart.MetricTrendChart;
import io.jenkins.plugins.mldelivery.core.result.CanaryRecord;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.StepRecords;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import java.util.List;

/**
 * The seams between the plugin's pages and the engine's chart models ({@code core.history.chart}):
 * every chart is computed on the controller when the browser asks for it, from the results the
 * builds recorded.
 */
public final class ChartSeams {
    private ChartSeams() {
        // the seams are static: they hold no state
    }

    /**
     * Builds the job's metric trend: the metric the newest gate judged first (else the first one), with
     * its slices and the gate's thresholds. Core: {@code BuildRecord.of}, {@code TrendWindow.of},
     * {@code MetricTrendChart.mainGroup} and {@code create}.
     *
     * @param newestFirst the builds' results, newest first, already capped
     * @return the JSON of an echarts-build-trends {@code LinesChartModel} (oldest build first on the x
     *         axis, {@code buildNumbers} filled for links); an empty model without metrics
     */
    public static String metricTrendChart(final List<TrendPoint> newestFirst) {
        List<BuildRecord> records = newestFirst.stream().map(point -> {
            RunResults.Builder results = RunResults.builder();
            point.results().forEach((step, json) -> results.add(point.displayName() + " " + step, json));
            return BuildRecord.of(results.build(), point.buildNumber(), point.displayName());
        }).toList();
        TrendWindow window = TrendWindow.of(records, TrendWindow.DEFAULT_CAP);
        return MetricTrendChart.mainGroup(window)
                .map(group -> LineChartOption.modelJson(MetricTrendChart.create(window, group)))
                .orElseGet(() -> LineChartOption.modelJson(new LinesChartModel()));
    }

    /**
     * Builds the drift chart of a validation. Core: {@code DriftChart.of}.
     *
     * @param validateResultJson the {@code validate} result
     * @return an ECharts {@code option} object as JSON: effect size per feature, drifted ones marked
     */
    public static String driftChart(final String validateResultJson) {
        ValidateRecord.Drift drift = validate(validateResultJson).drift();
        return DriftChart.of(drift == null ? List.of() : DriftSummary.features(drift), DriftChart.DEFAULT_LIMIT).toJson();
    }

    /**
     * Builds the histogram of one feature, batch against reference, from the validation's drift.
     * Core: {@code HistogramChart.of}.
     *
     * @param validateResultJson the {@code validate} result
     * @param column             the feature
     * @return an ECharts {@code option} object as JSON, or {@code null} when the validation has no
     *         histogram of that feature
     */
    public static String histogramChart(final String validateResultJson, final String column) {
        ValidateRecord.Drift drift = validate(validateResultJson).drift();
        if (drift == null) {
            return null;
        }
        return drift.columns().stream().filter(feature -> column.equals(feature.name())).findFirst()
                .flatMap(HistogramChart::of).map(ChartModel::toJson).orElse(null);
    }

    /**
     * Builds the timeline of a canary rollout. Core: {@code CanaryTimelineChart.of}.
     *
     * @param canaryResultJson the {@code canary} result
     * @return an ECharts {@code option} object as JSON: weight and score per step
     */
    public static String canaryChart(final String canaryResultJson) {
        return CanaryTimelineChart.of(StepRecords.of("the recorded canary result", tree(canaryResultJson), CanaryRecord.class)).toJson();
    }

    private static ValidateRecord validate(final String json) {
        return StepRecords.of("the recorded validate result", tree(json), ValidateRecord.class);
    }

    private static JsonNode tree(final String json) {
        try {
            return ResultJson.mapper().readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded result is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
