package io.jenkins.plugins.mldelivery.core.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The type of a column, inferred from its values or declared in a schema.
 */
public enum ColumnType {
    /** Whole numbers such as {@code 42} or {@code -7}, profiled as numbers. */
    INTEGER("integer", true),
    /** Decimal numbers such as {@code 3.14} or {@code 1e-3}, profiled as numbers. */
    DECIMAL("decimal", true),
    /**
     * {@code true}/{@code false} (also {@code yes}/{@code no}, {@code t}/{@code f}, {@code y}/{@code n},
     * any case), profiled as the categories {@code true} and {@code false} (see {@link #booleanValue}).
     */
    BOOLEAN("boolean", false),
    /** ISO-8601 dates and date-times, profiled as numbers of seconds since 1970-01-01T00:00Z. */
    DATETIME("datetime", true),
    /** Anything else: categories or free text, profiled by value counts. */
    STRING("string", false);

    private final String jsonName;
    private final boolean numeric;

    ColumnType(final String jsonName, final boolean numeric) {
        this.jsonName = jsonName;
        this.numeric = numeric;
    }

    /**
     * Returns whether values of this type are profiled as numbers (moments, quantiles).
     *
     * @return {@code true} for integer, decimal and date-time columns
     */
    public boolean isNumeric() {
        return numeric;
    }

    /**
     * Returns the name used in JSON files and on the command line.
     *
     * @return the lower-case name
     */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the wider of two types, the type that holds the values of both.
     *
     * @param other the other type
     * @return {@code DECIMAL} for an integer and a decimal, the type itself when both are equal,
     *         else {@code STRING}
     */
    public ColumnType widen(final ColumnType other) {
        if (this == other) {
            return this;
        }
        if (isNumericPair(this, other)) {
            return DECIMAL;
        }
        return STRING;
    }

    private static boolean isNumericPair(final ColumnType a, final ColumnType b) {
        return (a == INTEGER || a == DECIMAL) && (b == INTEGER || b == DECIMAL);
    }

    /**
     * Parses a type name as written in a schema; {@code categorical} is accepted for {@code string}.
     *
     * @param name the name, any case
     * @return the type
     * @throws IllegalArgumentException naming the accepted names when the name is unknown
     */
    @JsonCreator
    public static ColumnType fromName(final String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if ("categorical".equals(lower)) {
            return STRING;
        }
        for (ColumnType type : values()) {
            if (type.jsonName.equals(lower)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + name + "', expected one of "
                + Arrays.stream(values()).map(ColumnType::jsonName).collect(Collectors.joining(", ")));
    }

    /**
     * Reads a value of this numeric type written as text, as the CSV reader would: a number for
     * integer and decimal columns, seconds since the epoch for an ISO-8601 date or date-time.
     *
     * @param text the text
     * @return the value, or empty when the text is not a value of this type
     */
    public OptionalDouble numericValue(final String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (this == DATETIME) {
            DateTimeParser parser = new DateTimeParser();
            double seconds = parser.parse(bytes, 0, bytes.length);
            return parser.valid() ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        }
        if (numeric) {
            NumberParser parser = new NumberParser();
            double value = parser.parse(bytes, 0, bytes.length);
            return parser.valid() && !Double.isNaN(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /**
     * Returns the value a boolean spelling stands for, so that {@code True}, {@code true},
     * {@code YES} and {@code t} compare equal: {@code true}/{@code yes}/{@code t}/{@code y} are
     * true, {@code false}/{@code no}/{@code f}/{@code n} are false, in any case, surrounding spaces ignored.
     *
     * @param text the text
     * @return {@code "true"} or {@code "false"}, or {@code null} when the text is not a boolean spelling
     */
    public static String booleanValue(final String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "t", "y" -> "true";
            case "false", "no", "f", "n" -> "false";
            default -> null;
        };
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
