package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.DataQuality;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trend of the validated data across builds: row counts, the issues found (violations and
 * drifted features), and the missing-value rates of the columns that miss the most.
 */
public final class DataQualityTrendChart {
    /** How many columns the missing-rate chart shows unless told otherwise. */
    public static final int DEFAULT_MISSING_COLUMNS = 6;

    private DataQualityTrendChart() {
        // static factories only
    }

    /**
     * Builds the chart of rows read per build.
     *
     * @param window the builds
     * @return the model, its axis from zero; builds that validated nothing leave a gap
     */
    public static LinesChartModel rows(final TrendWindow window) {
        List<BuildRecord> builds = window.oldestFirst();
        LinesChartModel model = axis(builds);
        List<Double> rows = values(builds, quality -> (double) quality.rows());
        model.addSeries(new ThresholdLineSeries("rows", ChartColors.BLUE, rows, List.of()));
        List<Double> fromZero = new ArrayList<>(rows);
        fromZero.add(0.0); // a count drawn from zero shows a halved batch as half, not as a cliff
        RangeAxis.cover(model, fromZero, 0.0);
        return model;
    }

    /**
     * Builds the chart of violations and drifted features per build.
     *
     * @param window the builds
     * @return the model
     */
    public static LinesChartModel issues(final TrendWindow window) {
        List<BuildRecord> builds = window.oldestFirst();
        LinesChartModel model = axis(builds);
        List<Double> violations = values(builds, quality -> (double) quality.violations());
        List<Double> drifted = builds.stream().map(BuildRecord::drift)
                .map(drift -> drift == null ? null : (double) drift.driftedColumns()).toList();
        model.addSeries(new ThresholdLineSeries("violations", ChartColors.VERMILLION, violations, List.of()),
                new ThresholdLineSeries("drifted features", ChartColors.ORANGE, drifted, List.of()));
        List<Double> all = new ArrayList<>(violations);
        all.addAll(drifted);
        RangeAxis.cover(model, all, 0.0);
        return model;
    }

    /**
     * Builds the chart of missing-value rates (percent) of the columns with the highest rate in any
     * build of the window; columns that never missed a value are left out.
     *
     * @param window     the builds
     * @param maxColumns the most columns to draw
     * @return the model
     */
    public static LinesChartModel missingRates(final TrendWindow window, final int maxColumns) {
        List<BuildRecord> builds = window.oldestFirst();
        LinesChartModel model = axis(builds);
        model.useContinuousRangeAxis();
        Map<String, Double> worst = new HashMap<>();
        builds.stream().map(BuildRecord::dataQuality).filter(java.util.Objects::nonNull)
                .forEach(quality -> quality.missingRates().forEach((column, rate) -> worst.merge(column, rate, Math::max)));
        List<String> columns = worst.entrySet().stream()
                .filter(entry -> entry.getValue() > 0) // a column that never missed a value has no trend to show
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxColumns).map(Map.Entry::getKey).toList();
        List<Double> all = new ArrayList<>();
        int index = 0;
        for (String column : columns) {
            List<Double> percent = values(builds, quality -> {
                Double rate = quality.missingRates().get(column);
                return rate == null ? null : rate * 100;
            });
            model.addSeries(new ThresholdLineSeries(column, ChartColors.series(index++), percent, List.of()));
            all.addAll(percent);
        }
        RangeAxis.cover(model, all, 0.0);
        return model;
    }

    private static LinesChartModel axis(final List<BuildRecord> builds) {
        LinesChartModel model = new LinesChartModel(builds.stream().map(BuildRecord::label).toList(),
                builds.stream().map(BuildRecord::build).toList());
        model.setDomainAxisItemName("Build");
        return model;
    }

    private static List<Double> values(final List<BuildRecord> builds, final Function<DataQuality, Double> value) {
        return builds.stream().map(record -> record.dataQuality() == null ? null : value.apply(record.dataQuality())).toList();
    }
}
