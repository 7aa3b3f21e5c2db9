package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.util.Objects;

/**
 * The profile of one column, built in one pass and mergeable: how many values are present and
 * missing, what the numeric values look like (numeric columns), how often each value occurs, and
 * how many distinct values there are.
 *
 * @param name       the column's name as in the header
 * @param type       its type
 * @param count      the number of non-missing values
 * @param missing    the number of missing values
 * @param numeric    moments, quantiles and exact values; present for numeric types only
 * @param categories value counts: always present for string and boolean columns; for numeric
 *                   columns present while they have at most {@link CategoryCounts#NUMERIC_CAPACITY}
 *                   distinct values (else {@code null})
 * @param distinct   the number of distinct non-missing values
 * @param nonFinite  the number of infinite values ({@code inf}, {@code -inf}) of a numeric column:
 *                   counted apart, like missing values, so that the numeric summary holds finite
 *                   values only (a mean or a drift test over infinities means nothing)
 */
@JsonPropertyOrder({"name", "type", "count", "missing", "missingRate", "nonFinite", "nonFiniteRate", "distinct", "numeric",
        "categories"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, ColumnType type, long count, long missing, NumericSummary numeric,
        CategoryCounts categories, DistinctCount distinct, long nonFinite) {
    /** Checks that the parts are consistent with the type and the counts. */
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(distinct, "distinct");
        if (count < 0 || missing < 0 || nonFinite < 0) {
            throw new IllegalArgumentException("counts must not be negative: count " + count + ", missing " + missing
                    + ", non-finite " + nonFinite);
        }
        if (nonFinite > 0 && !type.isNumeric()) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " cannot hold infinite values");
        }
        if (type.isNumeric() != (numeric != null)) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type
                    + (numeric == null ? " needs" : " must not have") + " a numeric summary");
        }
        if (numeric != null && numeric.moments().count() != count) {
            throw new IllegalArgumentException("column '" + name + "' counts " + count + " values, its moments " + numeric.moments().count());
        }
        if (!type.isNumeric() && categories == null) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " needs category counts");
        }
        if (categories != null && categories.total() != count) {
            throw new IllegalArgumentException("column '" + name + "' counts " + count + " values, its categories " + categories.total());
        }
    }

    /**
     * Returns the number of rows: values, missing values and infinite values.
     *
     * @return count + missing + nonFinite
     */
    @JsonIgnore
    public long rows() {
        return count + missing + nonFinite;
    }

    /**
     * Returns the share of rows where the column is missing.
     *
     * @return missing / (count + missing + nonFinite), or 0 for no rows
     */
    @JsonProperty("missingRate")
    public double missingRate() {
        long rows = count + missing + nonFinite;
        return rows == 0 ? 0 : (double) missing / rows;
    }

    /**
     * Returns the share of rows where the column holds an infinite value.
     *
     * @return nonFinite / (count + missing + nonFinite), or 0 for no rows
     */
    @JsonProperty("nonFiniteRate")
    public double nonFiniteRate() {
        long rows = count + missing + nonFinite;
        return rows == 0 ? 0 : (double) nonFinite / rows;
    }

    /**
     * Merges the profiles of the same column over two disjoint sets of rows. An integer and a
     * decimal column merge into a decimal one.
     *
     * @param other the other rows' profile of this column
     * @return the profile over both sets of rows
     * @throws IllegalArgumentException if the names differ or the types cannot be merged
     */
    public ColumnProfile merge(final ColumnProfile other) {
        if (!name.equals(other.name)) {
            throw new IllegalArgumentException("cannot merge column '" + name + "' with column '" + other.name + "'");
        }
        ColumnType merged = type.widen(other.type);
        if (merged.isNumeric() != type.isNumeric() || merged.isNumeric() != other.type.isNumeric()
                || (!merged.isNumeric() && type != other.type)) {
            throw new IllegalArgumentException("cannot merge column '" + name + "' of type " + type + " with type " + other.type);
        }
        CategoryCounts mergedCategories = mergeCategories(other);
        Long exactDistinct = mergedCategories != null && mergedCategories.isExact() ? Long.valueOf(mergedCategories.distinct()) : null;
        return new ColumnProfile(name, merged, count + other.count, missing + other.missing,
                numeric == null ? null : numeric.merge(other.numeric), mergedCategories,
                distinct.merge(other.distinct, exactDistinct), nonFinite + other.nonFinite);
    }

    private CategoryCounts mergeCategories(final ColumnProfile other) {
        if (categories == null || other.categories == null) {
            return null; // a numeric column that had too many distinct values on either side
        }
        CategoryCounts merged = categories.merge(other.categories);
        boolean tooManyNumbers = !merged.isExact() || merged.distinct() > CategoryCounts.NUMERIC_CAPACITY;
        return type.isNumeric() && tooManyNumbers ? null : merged;
    }
}
