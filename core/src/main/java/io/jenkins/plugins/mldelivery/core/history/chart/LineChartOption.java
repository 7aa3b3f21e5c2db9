package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.UncheckedIOException;

/**
 * Turns an echarts-build-trends {@link LinesChartModel} into the ECharts option that Jenkins'
 * echarts-api front end would make of it (category axis of builds, value axis with the model's
 * range, the series as they are), so the standalone report, which has no echarts-api, draws trends
 * the way the job page does. On Jenkins, serve the model itself ({@link #modelJson}).
 */
public final class LineChartOption implements ChartModel {
    private final LinesChartModel model;

    private LineChartOption(final LinesChartModel model) {
        this.model = model;
    }

    /**
     * Wraps a model.
     *
     * @param model the trend model
     * @return the option
     */
    public static LineChartOption of(final LinesChartModel model) {
        return new LineChartOption(model);
    }

    /**
     * Returns the model's JSON as echarts-api expects it, written by echarts-build-trends' own mapper.
     *
     * @param model the model
     * @return the JSON for {@code echartsJenkinsApi.renderConfigurableZoomableTrendChart}
     */
    public static String modelJson(final LinesChartModel model) {
        return new JacksonFacade().toJson(model);
    }

    @Override
    public ObjectNode toOption() {
        ObjectNode tree = readModel();
        ObjectNode option = ChartModel.object();
        option.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        option.putObject("legend").put("type", "scroll").put("top", 0);
        option.putObject("grid").put("left", 20).put("right", 30).put("bottom", 10).put("top", 40).put("containLabel", true);
        ObjectNode xAxis = option.putArray("xAxis").addObject();
        xAxis.put("type", "category").put("boundaryGap", false).set("data", tree.get("domainAxisLabels"));
        ObjectNode yAxis = option.putArray("yAxis").addObject();
        yAxis.put("type", "value");
        Double interval = model.getRangeMin() == null || model.getRangeMax() == null ? null
                : RangeAxis.interval(model.getRangeMin(), model.getRangeMax());
        if (interval != null) {
            yAxis.put("interval", interval); // ticks on the range's round ends, so no end label crowds its neighbour
        }
        if (model.getRangeMin() != null) {
            yAxis.put("min", model.getRangeMin());
        }
        else {
            yAxis.put("min", "dataMin");
        }
        if (model.getRangeMax() != null) {
            yAxis.put("max", model.getRangeMax());
        }
        else {
            yAxis.put("max", "dataMax");
        }
        if (model.isIntegerRangeAxis()) {
            yAxis.put("minInterval", 1);
        }
        ArrayNode series = (ArrayNode) tree.get("series");
        option.set("series", series);
        return option;
    }

    private ObjectNode readModel() {
        try {
            return (ObjectNode) ResultJson.mapper().readTree(modelJson(model));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
