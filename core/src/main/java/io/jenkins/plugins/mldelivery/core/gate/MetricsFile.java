package io.jenkins.plugins.mldelivery.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.gate.rule.MetricValues;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a model's metrics: a flat JSON object of names to numbers as a training script writes it
 * ({@code {"accuracy": 0.87, "accuracy[gender=F]": 0.85}}), where a series such as per-epoch loss
 * keeps its last value, or a {@code train} step result, whose {@code metrics} object is used (only
 * when the step passed or warned).
 */
public final class MetricsFile {
    private MetricsFile() {
        // static entry point only
    }

    /**
     * Reads the metrics of a file.
     *
     * @param file the metrics file or train result
     * @return the metrics
     * @throws BadInputException naming the file and the metric whose value is not a number
     */
    public static MetricValues read(final Path file) {
        JsonNode root = ResultJson.read(file, JsonNode.class);
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": expected a JSON object of metric names to numbers");
        }
        requireUsableStep(file, root);
        JsonNode metrics = root.path("metrics").isObject() ? root.get("metrics") : root;
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty()) {
                value = value.get(value.size() - 1);
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw new BadInputException(file + ": metric '" + field.getKey() + "' is not a number (found "
                        + field.getValue().toString() + "); a metrics file maps names to numbers or to series of numbers");
            }
            String name = MetricValues.canonical(field.getKey());
            if (values.put(name, value.doubleValue()) != null) {
                throw new BadInputException(file + ": metric '" + name + "' is given twice");
            }
        }
        return MetricValues.of(values);
    }

    /**
     * Refuses the result of a step that did not pass or warn: a failed training's metrics are whatever
     * its command wrote before it failed (or those of an earlier run), and its model was not published,
     * so gating them would pass a model that does not exist. Refused rather than gated with a note,
     * because a pipeline reads only the gate's verdict.
     */
    private static void requireUsableStep(final Path file, final JsonNode root) {
        JsonNode step = root.get("step");
        JsonNode status = root.get("status");
        if (step == null || !step.isTextual() || status == null) {
            return;
        }
        String found = status.asText();
        if ("PASSED".equals(found) || "WARNING".equals(found)) {
            return;
        }
        JsonNode failure = root.path("failure");
        String why = failure.isTextual() && !failure.asText().isBlank() ? " (" + failure.asText() + ")" : "";
        String advice = "train".equals(step.asText())
                ? "a failed training has no model to gate: fix the training, or gate the metrics file it wrote"
                : "only a train result that passed or warned, or a metrics file, can be gated";
        throw new BadInputException(file + ": a " + step.asText() + " result with status " + found + why + "; " + advice);
    }
}
