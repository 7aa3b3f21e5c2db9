package io.jenkins.plugins.mldelivery.core.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table's schema, as a JSON file a person can read and edit: the rules of each column (in order),
 * the bounds of the row count, and whether columns the schema does not list are allowed.
 *
 * <pre>{@code
 * {
 *   "format": "ml-delivery-schema/1",
 *   "rows": {"min": 100},
 *   "allowUnexpectedColumns": false,
 *   "columns": {
 *     "age": {"type": "integer", "maxMissingRate": 0.01, "min": 18, "max": 120},
 *     "segment": {"type": "string", "allowedValues": ["retail", "premium"]},
 *     "id": {"type": "integer", "unique": true}
 *   }
 * }
 * }</pre>
 *
 * @param format                 the format marker, {@value #FORMAT}
 * @param rows                   the bounds of the row count, or {@code null} for none
 * @param allowUnexpectedColumns whether the data may have columns the schema does not list (default {@code false})
 * @param columns                the rules of each column by name, in order
 */
@JsonPropertyOrder({"format", "rows", "allowUnexpectedColumns", "columns"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schema(String format, RowBounds rows, Boolean allowUnexpectedColumns, Map<String, ColumnRules> columns) {
    /** The format marker of the JSON form. */
    public static final String FORMAT = "ml-delivery-schema/1";
    /** A hand-edited file deserves to hear about its typos. */
    private static final ObjectReader STRICT = ResultJson.mapper().reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Checks the format and copies the columns, keeping their order. */
    public Schema {
        if (format != null && !FORMAT.equals(format)) {
            throw new IllegalArgumentException("not an ML Delivery schema: format is '" + format + "', expected '" + FORMAT + "'");
        }
        format = FORMAT;
        Map<String, ColumnRules> copy = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((name, rules) -> {
                if (rules == null) {
                    throw new IllegalArgumentException("column '" + name + "' has null for its rules; write {} for a column "
                            + "with no rules but its presence");
                }
                copy.put(Objects.requireNonNull(name, "column name"), rules);
            });
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /**
     * Creates a schema.
     *
     * @param rows                   the bounds of the row count, or {@code null}
     * @param allowUnexpectedColumns whether other columns are allowed
     * @param columns                the rules of each column by name, in order
     * @return the schema
     */
    public static Schema of(final RowBounds rows, final boolean allowUnexpectedColumns, final Map<String, ColumnRules> columns) {
        return new Schema(FORMAT, rows, allowUnexpectedColumns, columns);
    }

    /**
     * Returns whether columns the schema does not list are allowed.
     *
     * @return {@code true} only when {@code allowUnexpectedColumns} is {@code true}
     */
    public boolean allowsUnexpectedColumns() {
        return allowUnexpectedColumns != null && allowUnexpectedColumns;
    }

    /**
     * Reads a schema file.
     *
     * @param file the file
     * @return the schema
     * @throws BadInputException naming the file (and line and column) when it is not a valid schema
     */
    public static Schema read(final Path file) {
        Schema schema;
        try {
            schema = STRICT.readValue(file.toFile(), Schema.class);
        }
        catch (UnrecognizedPropertyException e) {
            throw new BadInputException(file + where(e) + ": unknown key '" + e.getPropertyName() + "'; known keys here are "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        catch (JsonProcessingException e) {
            String message = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                throw new BadInputException(file + where(e) + ": duplicate key '"
                        + message.substring(17, message.lastIndexOf('\'')) + "': each key may appear once");
            }
            throw new BadInputException(file + where(e) + ": not a valid schema: " + message);
        }
        catch (IOException e) {
            if (!Files.exists(file)) {
                throw new BadInputException(file + ": no such file");
            }
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        if (schema == null) {
            // null would mean no rules at all: every file would pass
            throw new BadInputException(file + ": the schema is null; expected an object such as {\"columns\": {\"age\": "
                    + "{\"type\": \"integer\"}}}");
        }
        return schema;
    }

    private static String where(final JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /**
     * Writes the schema as JSON, atomically.
     *
     * @param file the file
     */
    public void write(final Path file) {
        ResultJson.write(file, this);
    }

    /**
     * Bounds of a table's row count.
     *
     * @param min the fewest rows allowed, or {@code null}
     * @param max the most rows allowed, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowBounds(Long min, Long max) {
        /** Checks the bounds are ordered. */
        public RowBounds {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("rows.min " + min + " is above rows.max " + max);
            }
        }
    }
}
