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
 * keeps its last value, or a {@code train} step result, whose {@code metrics} object is used.
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
}
