package io.jenkins.plugins.mldelivery.core.report;

import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.mldelivery.core.history.chart.ChartModel;
import io.jenkins.plugins.mldelivery.core.history.chart.LineChartOption;

/**
 * Places charts in the page: a figure with a caption, the element ECharts draws into, and the
 * chart's option as JSON beside it (escaped so no name can close the script element).
 */
final class ChartSlots {
    private static final int TREND_HEIGHT = 260;

    private int ids;
    private int placed;

    /** Places a trend chart. */
    void trend(final HtmlBuilder html, final String caption, final LinesChartModel model) {
        figure(html, caption, LineChartOption.of(model), TREND_HEIGHT);
    }

    /** Places a chart at its suggested height. */
    void figure(final HtmlBuilder html, final String caption, final ChartModel model) {
        figure(html, caption, model, model.suggestedHeight());
    }

    /** Places a chart. */
    void figure(final HtmlBuilder html, final String caption, final ChartModel model, final int height) {
        String id = nextId();
        placed++;
        html.open("figure").element("figcaption", caption).trusted("\n");
        html.open("div", "class", "chart", "id", id, "data-chart", id + "-option", "role", "img", "aria-label", caption,
                "style", "height:" + height + "px").close("div");
        option(html, id + "-option", model);
        html.element("p", "Charts need JavaScript; the tables below hold the same figures.", "class", "nojs");
        html.close("figure");
    }

    /** Writes a chart's option without a place to draw it (for charts a select switches between). */
    void option(final HtmlBuilder html, final String id, final ChartModel model) {
        html.open("script", "type", "application/json", "id", id)
                .trusted(HtmlText.scriptSafeJson(model.toJson()))
                .close("script");
    }

    /** Returns a new element id. */
    String nextId() {
        return "chart-" + ++ids;
    }

    /** Counts a chart element placed by the caller. */
    void placed() {
        placed++;
    }

    /** Returns how many chart elements were placed. */
    int count() {
        return placed;
    }
}
