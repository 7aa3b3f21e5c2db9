package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feature's distribution in the reference and in the current batch on the same bins (shared
 * bin edges for numbers, the same categories for categories), as the percentage of each side's rows
 * per bin so batches of different sizes compare; reference in blue, current in orange and hatched.
 *
 * @param feature   the feature name
 * @param drifted   whether the feature was declared drifted
 * @param bins      the bin labels, e.g. {@code [20, 30)} or a category
 * @param reference the reference's percentage of rows per bin
 * @param current   the current batch's percentage of rows per bin
 */
public record HistogramChart(String feature, boolean drifted, List<String> bins, List<Double> reference,
        List<Double> current) implements ChartModel {
    /** Validates that both sides have a value per bin. */
    public HistogramChart {
        Objects.requireNonNull(feature, "feature");
        bins = List.copyOf(bins);
        reference = List.copyOf(reference);
        current = List.copyOf(current);
        if (reference.size() != bins.size() || current.size() != bins.size()) {
            throw new IllegalArgumentException(feature + ": " + bins.size() + " bins but " + reference.size()
                    + " reference and " + current.size() + " current values");
        }
    }

    /**
     * Reads the histogram of one entry of the contract's {@code drift.columns[]}: a {@code histogram}
     * object with shared bin {@code edges} (n+1 numbers) or, when not empty, {@code categories} (n labels),
     * and {@code reference} and {@code current} shares or counts (n numbers each).
     *
     * @param column the column's drift, with its histogram
     * @return the chart, or empty if the column has no histogram in a shape this reader knows
     */
    public static Optional<HistogramChart> of(final ValidateRecord.Column column) {
        JsonNode histogram = column.histogram();
        String name = column.name();
        if (histogram == null || !histogram.isObject()) {
            return Optional.empty();
        }
        List<Double> reference = numbers(first(histogram, "reference", "referenceCounts"));
        List<Double> current = numbers(first(histogram, "current", "currentCounts"));
        List<String> bins = labels(histogram, reference.size());
        if (bins.isEmpty() || reference.size() != bins.size() || current.size() != bins.size()) {
            return Optional.empty();
        }
        return Optional.of(new HistogramChart(name, column.drifted(), bins,
                percentages(reference), percentages(current)));
    }

    @Override
    public ObjectNode toOption() {
        ObjectNode option = ChartModel.object();
        ObjectNode tooltip = option.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        tooltip.putObject("axisPointer").put("type", "shadow");
        option.putObject("legend").put("top", 0);
        boolean slanted = bins.size() > 6; // long bin labels side by side would overlap
        option.putObject("grid").put("left", slanted ? 50 : 10).put("right", 20).put("bottom", 30).put("top", 40)
                .put("containLabel", true);
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category").put("name", feature).put("nameLocation", "middle").put("nameGap", slanted ? 75 : 30);
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", slanted ? 30 : 0).put("hideOverlap", true);
        ArrayNode labels = xAxis.putArray("data");
        bins.forEach(labels::add);
        option.putObject("yAxis").put("type", "value").put("name", "% of rows");
        ArrayNode series = option.putArray("series");
        addBars(series, "reference", ChartColors.BLUE, reference, null);
        addBars(series, "current", ChartColors.ORANGE, current, DriftChart.hatching());
        return option;
    }

    private static void addBars(final ArrayNode series, final String name, final String color, final List<Double> values,
            final ObjectNode decal) {
        ObjectNode bars = series.addObject();
        bars.put("name", name).put("type", "bar").put("barGap", "10%");
        ObjectNode style = bars.putObject("itemStyle").put("color", color);
        if (decal != null) {
            style.set("decal", decal);
        }
        ArrayNode data = bars.putArray("data");
        values.forEach(value -> data.add(Double.parseDouble(ShortNumber.format(value.doubleValue()))));
    }

    private static JsonNode first(final JsonNode node, final String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    private static List<Double> numbers(final JsonNode array) {
        List<Double> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode value : array) {
                if (!value.isNumber()) {
                    return List.of();
                }
                values.add(value.doubleValue());
            }
        }
        return values;
    }

    private static List<String> labels(final JsonNode histogram, final int bins) {
        List<String> labels = new ArrayList<>();
        JsonNode categories = first(histogram, "categories", "labels");
        if (categories != null && categories.isArray() && !categories.isEmpty()) {
            categories.forEach(category -> labels.add(category.asText()));
            return labels;
        }
        List<Double> edges = numbers(first(histogram, "edges", "binEdges"));
        if (edges.size() != bins + 1) {
            return List.of();
        }
        for (int i = 0; i < bins; i++) {
            String close = i == bins - 1 ? "]" : ")";
            labels.add("[" + ShortNumber.format(edges.get(i).doubleValue()) + ", "
                    + ShortNumber.format(edges.get(i + 1).doubleValue()) + close);
        }
        return labels;
    }

    private static List<Double> percentages(final List<Double> values) {
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        return values.stream().map(value -> total > 0 ? value * 100 / total : 0.0).toList();
    }
}
