package io.jenkins.plugins.mldelivery.core.history.chart;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

/**
 * A chart that echarts-build-trends has no model for; it serialises to a complete ECharts option,
 * so a page draws it with {@code echarts.init(element).setOption(JSON.parse(json))}.
 */
public interface ChartModel {
    /**
     * Returns the ECharts option.
     *
     * @return a fresh option object
     */
    @JsonValue
    ObjectNode toOption();

    /**
     * Returns the ECharts option as compact JSON, the form served over Ajax.
     *
     * @return the JSON text
     */
    default String toJson() {
        return toOption().toString();
    }

    /**
     * Returns the height in pixels the chart needs to stay legible (e.g. one bar per feature).
     *
     * @return the height
     */
    default int suggestedHeight() {
        return 300;
    }

    /**
     * Returns an empty object node to build an option from.
     *
     * @return a new node
     */
    static ObjectNode object() {
        return ResultJson.mapper().createObjectNode();
    }
}
