package io.jenkins.plugins.mldelivery.core.history.chart;

import io.jenkins.plugins.mldelivery.core.result.CanaryRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A canary rollout step by step: the traffic weight of each step as a bar, the analysis score as a
 * line on its own axis, and each step's decision as the point's shape and label (a circle to go on,
 * a diamond to hold, a downward triangle to roll back), with the rollout's decision as the title.
 *
 * @param decision the rollout's decision: {@code PROMOTED}, {@code ROLLED_BACK} or {@code HELD}
 * @param steps    the analysis steps in order
 */
public record CanaryTimelineChart(String decision, List<Step> steps) implements ChartModel {
    /** Copies the list. */
    public CanaryTimelineChart {
        Objects.requireNonNull(decision, "decision");
        steps = List.copyOf(steps);
    }

    /**
     * One analysis step.
     *
     * @param weight   the canary's share of traffic in percent, or null
     * @param score    the analysis score, or null
     * @param decision the step's decision, or null
     */
    public record Step(Double weight, Double score, String decision) {
    }

    /**
     * Reads a canary result ({@code decision}, {@code steps[]} {@code {weight, score, decision}}).
     *
     * @param canary the result
     * @return the chart
     */
    public static CanaryTimelineChart of(final CanaryRecord canary) {
        List<Step> steps = new ArrayList<>();
        for (CanaryRecord.Step step : canary.steps()) {
            steps.add(new Step(step.weight(), step.score(), step.decision()));
        }
        return new CanaryTimelineChart(canary.decision(), steps);
    }

    @Override
    public ObjectNode toOption() {
        ObjectNode option = ChartModel.object();
        option.putObject("title").put("text", "Decision: " + decision).put("left", "center").put("top", 0)
                .putObject("textStyle").put("fontSize", 13);
        option.putObject("tooltip").put("trigger", "axis").put("renderMode", "richText");
        option.putObject("legend").put("top", 22);
        option.putObject("grid").put("left", 30).put("right", 30).put("bottom", 10).put("top", 80).put("containLabel", true);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("interval", 0);
        ArrayNode labels = xAxis.putArray("data");
        for (int i = 0; i < steps.size(); i++) {
            Double weight = steps.get(i).weight();
            labels.add((i + 1) + (weight == null ? "" : " · " + ShortNumber.format(weight.doubleValue()) + "%"));
        }
        ArrayNode yAxes = option.putArray("yAxis");
        yAxes.addObject().put("type", "value").put("name", "traffic %").put("nameLocation", "middle").put("nameGap", 36)
                .put("min", 0).put("max", 100);
        ObjectNode scoreAxis = yAxes.addObject().put("type", "value").put("name", "score").put("nameLocation", "middle")
                .put("nameGap", 36);
        scoreAxis.putObject("splitLine").put("show", false);
        double maxScore = steps.stream().map(Step::score).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        scoreAxis.put("min", 0).put("max", maxScore <= 1 ? 1 : maxScore <= 100 ? 100 : maxScore);

        ArrayNode series = option.putArray("series");
        ObjectNode weights = series.addObject().put("name", "traffic weight").put("type", "bar").put("yAxisIndex", 0)
                .put("barMaxWidth", 48);
        weights.putObject("itemStyle").put("color", ChartColors.SKY);
        ArrayNode weightData = weights.putArray("data");
        ObjectNode scores = series.addObject().put("name", "score").put("type", "line").put("yAxisIndex", 1)
                .put("symbolSize", 14).put("connectNulls", false);
        scores.putObject("lineStyle").put("color", ChartColors.BLACK);
        scores.putObject("itemStyle").put("color", ChartColors.BLACK);
        ArrayNode scoreData = scores.putArray("data");
        for (Step step : steps) {
            weightData.add(step.weight());
            scoreData.add(point(step));
        }
        return option;
    }

    private static ObjectNode point(final Step step) {
        ObjectNode point = ChartModel.object();
        if (step.score() == null) {
            point.putNull("value");
        }
        else {
            point.put("value", step.score());
        }
        String decision = step.decision() == null ? "" : step.decision();
        String kind = decision.toUpperCase(Locale.ROOT);
        String symbol;
        String color;
        int rotate = 0;
        if (kind.contains("ROLL") || kind.contains("FAIL") || kind.contains("ABORT")) {
            symbol = "triangle";
            color = ChartColors.VERMILLION;
            rotate = 180;
        }
        else if (kind.contains("HOLD") || kind.contains("INCONCLUSIVE") || kind.contains("WAIT")) {
            symbol = "diamond";
            color = ChartColors.GREY;
        }
        else {
            symbol = "circle";
            color = ChartColors.GREEN;
        }
        point.put("symbol", symbol).put("symbolRotate", rotate);
        point.putObject("itemStyle").put("color", color);
        point.putObject("label").put("show", !decision.isEmpty()).put("position", "top").put("formatter", decision);
        return point;
    }

}
