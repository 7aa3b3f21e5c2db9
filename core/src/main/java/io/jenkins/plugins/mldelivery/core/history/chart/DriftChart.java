package io.jenkins.plugins.mldelivery.core.history.chart;

import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.history.DriftSummary;
import io.jenkins.plugins.mldelivery.core.history.FeatureDrift;

import java.util.List;
import java.util.Objects;

/**
 * The drift of each feature of one run: a horizontal bar of its effect size, a black tick at the
 * threshold it must exceed to matter, and drifted features drawn hatched, in vermillion and labelled
 * "drifted" (never by colour alone), most drifted on top.
 *
 * @param features the features to draw, most drifted first
 * @param omitted  how many less drifted features were left out to keep the chart legible
 */
public record DriftChart(List<FeatureDrift> features, int omitted) implements ChartModel {
    /** How many features the chart draws unless told otherwise. */
    public static final int DEFAULT_LIMIT = 30;

    private static final int BAR_HEIGHT = 26;

    /** Copies the list. */
    public DriftChart {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
    }

    /**
     * Builds the chart from the contract's {@code drift} object (of a validate result).
     *
     * @param drift the drift object
     * @param limit the most features to draw
     * @return the chart
     */
    public static DriftChart of(final ValidateRecord.Drift drift, final int limit) {
        return of(DriftSummary.features(drift), limit);
    }

    /**
     * Builds the chart from features in any order.
     *
     * @param features the features
     * @param limit    the most features to draw
     * @return the chart
     */
    public static DriftChart of(final List<FeatureDrift> features, final int limit) {
        List<FeatureDrift> sorted = features.stream().sorted(FeatureDrift.MOST_DRIFTED_FIRST).toList();
        List<FeatureDrift> shown = sorted.subList(0, Math.min(limit, sorted.size()));
        return new DriftChart(shown, sorted.size() - shown.size());
    }

    @Override
    public int suggestedHeight() {
        return 90 + BAR_HEIGHT * Math.max(features.size(), 1);
    }

    @Override
    public ObjectNode toOption() {
        ObjectNode option = ChartModel.object();
        ObjectNode tooltip = option.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        tooltip.putObject("axisPointer").put("type", "shadow");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 10).put("right", 70).put("bottom", 28).put("top", 40).put("containLabel", true);
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "value").put("name", "effect size").put("nameLocation", "middle").put("nameGap", 22);
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "category").put("inverse", true);
        ArrayNode names = yAxis.putArray("data");
        features.forEach(feature -> names.add(feature.name()));
        if (omitted > 0) {
            option.putObject("title").put("text", omitted + " less drifted features not shown").put("bottom", 0).put("right", 0)
                    .putObject("textStyle").put("fontSize", 11).put("fontWeight", "normal");
        }

        ArrayNode series = option.putArray("series");
        ObjectNode stable = bars(series, "not drifted", ChartColors.BLUE);
        ObjectNode drifted = bars(series, "drifted", ChartColors.VERMILLION);
        ((ObjectNode) drifted.get("itemStyle")).set("decal", hatching());
        drifted.putObject("label").put("show", true).put("position", "right").put("formatter", "drifted");
        ObjectNode thresholds = series.addObject();
        thresholds.put("name", "threshold").put("type", "scatter").put("symbol", "rect").put("z", 3);
        thresholds.putArray("symbolSize").add(3).add(BAR_HEIGHT - 8);
        thresholds.putObject("itemStyle").put("color", ChartColors.BLACK);
        ArrayNode ticks = thresholds.putArray("data");
        ArrayNode stableData = (ArrayNode) stable.get("data");
        ArrayNode driftedData = (ArrayNode) drifted.get("data");
        for (FeatureDrift feature : features) {
            double effect = feature.effectSize() == null ? 0 : feature.effectSize();
            stableData.add(feature.drifted() ? null : effect);
            driftedData.add(feature.drifted() ? effect : null);
            if (feature.threshold() != null) {
                ticks.addArray().add(feature.threshold()).add(feature.name());
            }
        }
        return option;
    }

    private static ObjectNode bars(final ArrayNode series, final String name, final String color) {
        ObjectNode bars = series.addObject();
        bars.put("name", name).put("type", "bar").put("stack", "effect").put("barMaxWidth", BAR_HEIGHT - 6);
        bars.putObject("itemStyle").put("color", color);
        bars.putArray("data");
        return bars;
    }

    /** Diagonal stripes, so drifted bars differ from the others in pattern as well as colour. */
    static ObjectNode hatching() {
        ObjectNode decal = ChartModel.object();
        decal.put("symbol", "rect").put("symbolSize", 1).put("rotation", -Math.PI / 4).put("color", "rgba(255,255,255,0.55)");
        decal.putArray("dashArrayX").add(1).add(0);
        decal.putArray("dashArrayY").add(3).add(5);
        return decal;
    }
}
