package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A short summary of the training data for the model card: rows and, per column, its type, counts,
 * range and mean, read from a profile file ({@code ml-delivery profile --out}).
 *
 * @param rows    the number of rows, or {@code null} when the profile does not say
 * @param columns the columns, in the profile's order
 * @param file    the profile it was read from, or {@code null}
 */
public record DataProfileSummary(Long rows, List<Column> columns, String file) {
    /** Copies the columns. */
    public DataProfileSummary {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /**
     * Reads a profile file. The reader takes what it finds: {@code rows} (or {@code count}) at the top,
     * and {@code columns} as an array of objects with a {@code name} or as an object keyed by name,
     * each with any of {@code type}, {@code count}, {@code missing}, {@code min}, {@code max}, {@code mean}.
     *
     * @param file the profile
     * @return the summary
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException when the file is missing or malformed
     */
    public static DataProfileSummary read(final Path file) {
        JsonNode root = ResultJson.read(file, JsonNode.class);
        JsonNode rows = root.has("rows") ? root.get("rows") : root.get("count");
        List<Column> columns = new ArrayList<>();
        JsonNode all = root.path("columns");
        if (all.isArray()) {
            for (JsonNode column : all) {
                columns.add(column(column.path("name").asText("?"), column));
            }
        }
        else if (all.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                columns.add(column(entry.getKey(), entry.getValue()));
            }
        }
        return new DataProfileSummary(rows != null && rows.canConvertToLong() ? rows.asLong() : null, columns, file.toString());
    }

    private static Column column(final String name, final JsonNode node) {
        JsonNode type = node.get("type");
        return new Column(name, type == null || type.isNull() ? null : type.asText(), number(node, "count", "nonMissing"),
                number(node, "missing", "missingCount"), number(node, "min"), number(node, "max"), number(node, "mean"));
    }

    private static Double number(final JsonNode node, final String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isNumber()) {
                return value.asDouble();
            }
        }
        return null;
    }

    /**
     * One column of the profile; any statistic may be {@code null} when the profile lacks it.
     *
     * @param name    the column
     * @param type    its type, e.g. {@code numeric} or {@code categorical}
     * @param count   the number of non-missing values
     * @param missing the number of missing values
     * @param min     the smallest value
     * @param max     the largest value
     * @param mean    the mean
     */
    public record Column(String name, String type, Double count, Double missing, Double min, Double max, Double mean) {
        /** Requires a name. */
        public Column {
            Objects.requireNonNull(name, "name");
        }
    }
}
