package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The trend of a model's metrics across builds, one chart per metric with its slices (e.g.
 * {@code accuracy}, {@code accuracy[gender=F]}, {@code accuracy[gender=M]} share a scale), and the
 * newest build's gate thresholds on that metric as named dashed lines.
 */
public final class MetricTrendChart {
    private MetricTrendChart() {
        // static factories only
    }

    /**
     * Returns the metric groups the window has values for, one chart each.
     *
     * @param window the builds
     * @return the metric names without slice, sorted
     */
    public static List<String> groups(final TrendWindow window) {
        SortedSet<String> groups = new TreeSet<>();
        window.newestFirst().forEach(record -> record.metrics().keySet().forEach(name -> groups.add(groupOf(name))));
        return List.copyOf(groups);
    }

    /**
     * Returns the group a page with room for one trend shows: the metric the newest build's gate
     * judged first (what the team cares about most), else the first group with values.
     *
     * @param window the builds
     * @return the group, or empty when no build has metrics
     */
    public static Optional<String> mainGroup(final TrendWindow window) {
        List<String> groups = groups(window);
        Optional<String> judged = window.newest().map(BuildRecord::gate).stream()
                .flatMap(gate -> gate.rules().stream())
                .map(GateRecord.Rule::metric).filter(Objects::nonNull).map(MetricTrendChart::groupOf)
                .filter(groups::contains).findFirst();
        return judged.isPresent() ? judged : groups.stream().findFirst();
    }

    /**
     * Builds the chart of one metric group.
     *
     * @param window the builds, read newest first with a cap (see {@link TrendWindow#of(Iterable, int)})
     * @param group  the metric name without slice, e.g. {@code accuracy}
     * @return the model, oldest build on the left; a build without the metric leaves a gap
     */
    public static LinesChartModel create(final TrendWindow window, final String group) {
        List<BuildRecord> builds = window.oldestFirst();
        LinesChartModel model = new LinesChartModel(builds.stream().map(BuildRecord::label).toList(),
                builds.stream().map(BuildRecord::build).toList());
        model.useContinuousRangeAxis();
        model.setDomainAxisItemName("Build");

        SortedSet<String> metrics = new TreeSet<>();
        builds.forEach(record -> record.metrics().keySet().stream().filter(name -> groupOf(name).equals(group)).forEach(metrics::add));
        List<GateRecord.Rule> rules = window.newest().map(record -> record.gate() == null ? List.<GateRecord.Rule>of() : record.gate().rules())
                .orElse(List.of());

        List<Double> everything = new ArrayList<>();
        int index = 0;
        for (String metric : metrics) {
            List<Double> values = builds.stream().map(record -> record.metrics().get(metric)).toList();
            List<Double> gated = builds.stream().map(record -> judged(record, metric)).toList();
            List<ThresholdLineSeries.Threshold> thresholds = rules.stream()
                    .filter(rule -> metric.equals(rule.metric()) && rule.right() != null && !rule.skipped())
                    .map(rule -> new ThresholdLineSeries.Threshold(rule.rule(), rule.right()))
                    .toList();
            if (sameValues(values, gated)) {
                model.addSeries(new ThresholdLineSeries(metric, ChartColors.series(index++), values, thresholds));
            }
            else {
                // the gate judged another value than training reported (e.g. scored on a holdout): its threshold
                // belongs with the value it was compared against, never with the training metric
                model.addSeries(new ThresholdLineSeries(metric + " (training)", ChartColors.series(index++), values, List.of()));
                model.addSeries(new ThresholdLineSeries(metric + " (as gated)", ChartColors.series(index++), gated, thresholds));
                everything.addAll(gated);
            }
            everything.addAll(values);
            thresholds.forEach(threshold -> everything.add(threshold.value()));
        }
        RangeAxis.cover(model, everything, 0.0);
        return model;
    }

    /** The value a build's gate judged for a metric, or null when its gate did not judge it. */
    private static Double judged(final BuildRecord record, final String metric) {
        if (record.gate() == null) {
            return null;
        }
        return record.gate().rules().stream().filter(rule -> metric.equals(rule.metric()) && !rule.skipped() && rule.left() != null)
                .map(GateRecord.Rule::left).findFirst().orElse(null);
    }

    /**
     * Says whether the gate judged the training values themselves: wherever a build has both, they agree to
     * within 1e-9 relative (the same number written twice, not recomputed), or the gate judged none.
     */
    private static boolean sameValues(final List<Double> trained, final List<Double> gated) {
        for (int i = 0; i < trained.size(); i++) {
            Double judged = gated.get(i);
            Double value = trained.get(i);
            if (judged != null && (value == null || Math.abs(judged - value) > 1e-9 * Math.max(1.0, Math.abs(value)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the group of a metric: its name without the slice in brackets.
     *
     * @param metric a metric name such as {@code accuracy[gender=F]}
     * @return the name before the bracket, e.g. {@code accuracy}
     */
    public static String groupOf(final String metric) {
        int bracket = metric.indexOf('[');
        return bracket > 0 ? metric.substring(0, bracket) : metric;
    }
}
