package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grid of parameter values to try, read from a small YAML (or JSON) file:
 * <pre>
 * metric: roc_auc          # the metric that picks the best trial
 * direction: maximize      # or minimize
 * parallel: 2              # trials at a time (default 1)
 * grid:
 *   model.max_depth: [2, 3, 4]
 *   model.learning_rate: [0.05, 0.1]
 * </pre>
 * Every combination runs once, in the order {@code itertools.product} would list them (the first
 * key changes slowest). Grid keys follow the {@link ParamOverride} grammar ({@code +key} adds).
 *
 * @param metric    the metric that picks the best trial
 * @param direction whether higher or lower is better
 * @param parallel  how many trials run at a time
 * @param grid      each key's values, in file order
 */
public record SweepPlan(String metric, Direction direction, int parallel, Map<String, List<JsonNode>> grid) {
    /** The most trials one sweep may run; a larger grid is almost always a mistake. */
    public static final int MAX_TRIALS = 1000;

    /** Whether a higher or a lower metric is better. */
    public enum Direction {
        /** Higher is better (accuracy, AUC). */
        MAXIMIZE,
        /** Lower is better (log loss, latency). */
        MINIMIZE;

        /**
         * Parses {@code maximize}/{@code max} or {@code minimize}/{@code min}.
         *
         * @param text the direction as written
         * @param where the file or option it came from, for the error message
         * @return the direction
         */
        public static Direction parse(final String text, final String where) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "maximize", "maximise", "max", "higher" -> MAXIMIZE;
                case "minimize", "minimise", "min", "lower" -> MINIMIZE;
                default -> throw new BadInputException(where + ": direction '" + text + "' is not maximize or minimize");
            };
        }

        boolean better(final double candidate, final double best) {
            return this == MAXIMIZE ? candidate > best : candidate < best;
        }
    }

    /** Validates and copies the fields. */
    public SweepPlan {
        if (metric == null || metric.isBlank()) {
            throw new BadInputException("sweep: say which metric picks the best trial ('metric:' in the sweep file, or --sweep-metric)");
        }
        if (direction == null) {
            throw new BadInputException("sweep: say whether '" + metric + "' should be maximized or minimized ('direction:')");
        }
        if (parallel < 1) {
            throw new BadInputException("sweep: parallel must be at least 1, got " + parallel);
        }
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        grid.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        grid = Collections.unmodifiableMap(copy);
        if (grid.isEmpty()) {
            throw new BadInputException("sweep: the grid is empty; list at least one parameter and its values");
        }
        long trials = 1;
        for (Map.Entry<String, List<JsonNode>> entry : grid.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new BadInputException("sweep: grid '" + entry.getKey() + "' has no values");
            }
            trials *= entry.getValue().size();
            if (trials > MAX_TRIALS) {
                throw new BadInputException("sweep: the grid has more than " + MAX_TRIALS + " combinations; narrow it");
            }
        }
    }

    /**
     * Reads a sweep file; options given on the command line replace the file's.
     *
     * @param file      the YAML or JSON file
     * @param metric    the metric, or {@code null} to take the file's
     * @param direction the direction, or {@code null} to take the file's
     * @param parallel  trials at a time, or {@code null} to take the file's (default 1)
     * @return the plan
     * @throws BadInputException naming the file and the problem
     */
    public static SweepPlan read(final Path file, final String metric, final Direction direction, final Integer parallel) {
        JsonNode root = ParamsFile.read(file).tree();
        String chosenMetric = metric != null ? metric : root.path("metric").asText(null);
        Direction chosenDirection = direction != null ? direction
                : root.hasNonNull("direction") ? Direction.parse(root.get("direction").asText(), file.toString()) : null;
        int chosenParallel = parallel != null ? parallel : root.path("parallel").asInt(1);
        JsonNode gridNode = root.get("grid");
        if (gridNode == null || !gridNode.isObject()) {
            throw new BadInputException(file + ": expected a 'grid:' mapping of parameter names to lists of values");
        }
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = gridNode.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            }
            else {
                values.add(field.getValue());
            }
            ParamOverride.parse(field.getKey() + "=0"); // checks the key's grammar, naming it
            grid.put(field.getKey(), values);
        }
        try {
            return new SweepPlan(chosenMetric, chosenDirection, chosenParallel, grid);
        }
        catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage().replaceFirst("^sweep: ", ""), e);
        }
    }

    /**
     * Returns every combination of the grid as overrides, first key slowest.
     *
     * @return one list of overrides per trial
     */
    public List<List<ParamOverride>> combinations() {
        List<List<ParamOverride>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Map.Entry<String, List<JsonNode>> entry : grid.entrySet()) {
            ParamOverride template = ParamOverride.parse(entry.getKey() + "=0");
            List<List<ParamOverride>> next = new ArrayList<>();
            for (List<ParamOverride> prefix : combinations) {
                for (JsonNode value : entry.getValue()) {
                    List<ParamOverride> combination = new ArrayList<>(prefix);
                    combination.add(new ParamOverride(template.key(), value, template.mode()));
                    next.add(List.copyOf(combination));
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
