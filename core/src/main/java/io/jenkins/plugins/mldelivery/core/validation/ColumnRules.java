package io.jenkins.plugins.mldelivery.core.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.util.List;

/**
 * What a schema requires of one column; every rule is optional.
 *
 * @param type           the column's type: the data is read with it, and an integer column holding
 *                       fractions violates it
 * @param required       whether the column must be present (default {@code true})
 * @param maxMissingRate the largest share of rows allowed to miss the column, 0..1
 * @param min            the smallest value allowed: a number, or an ISO-8601 date-time for date-time columns
 * @param max            the largest value allowed: a number, or an ISO-8601 date-time for date-time columns
 * @param allowedValues  the only values allowed (as written; numbers are compared by value)
 * @param unique         whether every non-missing value must be distinct
 * @param pattern        a regular expression (java.util.regex) every non-missing value must match entirely
 */
@JsonPropertyOrder({"type", "required", "maxMissingRate", "min", "max", "allowedValues", "unique", "pattern"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnRules(ColumnType type, Boolean required, Double maxMissingRate, Object min, Object max,
        List<String> allowedValues, Boolean unique, String pattern) {
    /** Checks the ranges of the rules and copies the allowed values. */
    public ColumnRules {
        if (maxMissingRate != null && (maxMissingRate < 0 || maxMissingRate > 1 || maxMissingRate.isNaN())) {
            throw new IllegalArgumentException("maxMissingRate must be between 0 and 1, found " + maxMissingRate);
        }
        checkBound("min", min);
        checkBound("max", max);
        allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
    }

    private static void checkBound(final String name, final Object bound) {
        if (bound != null && !(bound instanceof Number) && !(bound instanceof String)) {
            throw new IllegalArgumentException(name + " must be a number or a date-time string, found " + bound);
        }
    }

    /**
     * Returns rules that only fix the type.
     *
     * @param type the type
     * @return the rules
     */
    public static ColumnRules ofType(final ColumnType type) {
        return new ColumnRules(type, null, null, null, null, null, null, null);
    }

    /**
     * Returns whether the column must be present.
     *
     * @return {@code true} unless {@code required} is {@code false}
     */
    @JsonIgnore
    public boolean isRequired() {
        return required == null || required;
    }

    /**
     * Returns whether the values must be distinct.
     *
     * @return {@code true} when {@code unique} is {@code true}
     */
    @JsonIgnore
    public boolean isUnique() {
        return unique != null && unique;
    }
}
