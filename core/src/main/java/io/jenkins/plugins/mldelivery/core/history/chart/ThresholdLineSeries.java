package io.jenkins.plugins.mldelivery.core.history.chart;

import edu.hm.hafner.echarts.line.LineSeries;

import java.util.List;
import java.util.Objects;

/**
 * A line series of echarts-build-trends that also carries ECharts {@code markLine}s: the gate's
 * thresholds drawn as dashed, named horizontal lines. echarts-api hands a model's series to ECharts
 * unchanged, so the marks show on Jenkins' pages as in the standalone report.
 */
public class ThresholdLineSeries extends LineSeries {
    private final List<Threshold> thresholds;

    /**
     * A threshold to mark.
     *
     * @param name  the label, e.g. the rule {@code accuracy >= 0.85}
     * @param value the value on the range axis
     */
    public record Threshold(String name, double value) {
        /** Validates the fields. */
        public Threshold {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Creates a series.
     *
     * @param name       the series name (a metric)
     * @param color      its colour
     * @param values     one value per build, oldest first; null where a build has no value (a gap)
     * @param thresholds the thresholds to mark
     */
    public ThresholdLineSeries(final String name, final String color, final List<Double> values,
            final List<Threshold> thresholds) {
        super(name, color, StackedMode.SEPARATE_LINES, FilledMode.LINES, values);
        this.thresholds = List.copyOf(thresholds);
    }

    /**
     * Returns the thresholds.
     *
     * @return the thresholds
     */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    /**
     * Returns the ECharts {@code markLine} of this series, or null without thresholds (ECharts then draws none).
     *
     * @return the mark line
     */
    public MarkLine getMarkLine() {
        if (thresholds.isEmpty()) {
            return null;
        }
        return new MarkLine(List.of("none", "none"), true, new LineStyle("dashed", ChartColors.BLACK, 1),
                new MarkLabel("{b}", "insideEndTop"),
                thresholds.stream().map(t -> new MarkLineDatum(t.name(), t.value())).toList());
    }

    /**
     * Returns whether ECharts joins the line across builds without a value; false, so a gap shows.
     *
     * @return false
     */
    public boolean getConnectNulls() {
        return false;
    }

    /**
     * An ECharts {@code series.markLine}.
     *
     * @param symbol    the symbols at both ends
     * @param silent    whether the line ignores the mouse
     * @param lineStyle how it is drawn
     * @param label     its label
     * @param data      one entry per line
     */
    public record MarkLine(List<String> symbol, boolean silent, LineStyle lineStyle, MarkLabel label,
            List<MarkLineDatum> data) {
    }

    /**
     * An ECharts {@code lineStyle}.
     *
     * @param type  {@code solid}, {@code dashed} or {@code dotted}
     * @param color the colour
     * @param width the width in pixels
     */
    public record LineStyle(String type, String color, int width) {
    }

    /**
     * The label of a mark line.
     *
     * @param formatter the ECharts template; {@code {b}} is the datum's name
     * @param position  where the label sits
     */
    public record MarkLabel(String formatter, String position) {
    }

    /**
     * One horizontal line.
     *
     * @param name  its label
     * @param yAxis its value on the range axis
     */
    public record MarkLineDatum(String name, double yAxis) {
    }
}
