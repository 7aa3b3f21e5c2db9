package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a first schema from a reference profile, for a person to review and edit: every column
 * with its type, required; its missing rate capped at what the reference shows (with some room);
 * numeric columns bounded by the reference's range (except keys and date-times, which grow); the
 * values of small categorical columns listed; integer and string columns whose values all differ
 * marked unique; at least one row; no unexpected columns.
 */
public final class SchemaInference {
    /** Categorical columns with at most this many distinct values get an allowed-values list. */
    public static final int MAX_ALLOWED_VALUES = 50;

    private SchemaInference() {
        // static entry point only
    }

    /**
     * Infers a schema.
     *
     * @param profile the reference profile
     * @return the schema
     */
    public static Schema infer(final DatasetProfile profile) {
        Map<String, ColumnRules> columns = new LinkedHashMap<>();
        for (ColumnProfile column : profile.columns()) {
            columns.put(column.name(), rules(column));
        }
        return Schema.of(new Schema.RowBounds(1L, null), false, columns);
    }

    private static ColumnRules rules(final ColumnProfile column) {
        ColumnType type = column.type();
        Double maxMissingRate = missingRate(column);
        boolean unique = isUnique(column);
        Object min = null;
        Object max = null;
        // keys and time grow with every new batch: bounding them by the reference would flag every later batch
        if (type.isNumeric() && type != ColumnType.DATETIME && !unique && column.count() > 0) {
            min = bound(type, column.numeric().moments().min());
            max = bound(type, column.numeric().moments().max());
        }
        List<String> allowed = null;
        CategoryCounts categories = column.categories();
        if (!type.isNumeric() && categories.isExact() && categories.distinct() <= MAX_ALLOWED_VALUES
                && categories.distinct() * 2L <= column.count()) {
            allowed = new ArrayList<>(categories.counts().keySet());
            allowed.sort(null);
        }
        return new ColumnRules(type, Boolean.TRUE, maxMissingRate, min, max, allowed, unique ? Boolean.TRUE : null, null);
    }

    /** Zero when the reference misses nothing; else its rate with half as much again, rounded up to 3 places. */
    private static Double missingRate(final ColumnProfile column) {
        if (column.missing() == 0) {
            return 0.0;
        }
        double roomy = Math.min(1.0, column.missingRate() * 1.5);
        return BigDecimal.valueOf(roomy).setScale(3, RoundingMode.CEILING).doubleValue();
    }

    private static Object bound(final ColumnType type, final double value) {
        if (type == ColumnType.DATETIME) {
            return ValidationMessages.number(type, value);
        }
        if (type == ColumnType.INTEGER && Math.abs(value) < 9.0e15) {
            return (long) value;
        }
        return value;
    }

    /**
     * Unique when every value is known to differ, or, for integer and string columns (where keys
     * live), when the distinct-count sketch cannot tell them from all different. The sketch cannot
     * tell 99% distinct from 100%: review the keys it marks.
     */
    private static boolean isUnique(final ColumnProfile column) {
        if (column.count() < 2 || (column.type() != ColumnType.INTEGER && column.type() != ColumnType.STRING)) {
            return false;
        }
        if (column.distinct().isExact()) {
            return column.distinct().estimate() == column.count();
        }
        return column.distinct().upperBound() >= column.count() && column.distinct().lowerBound() >= 0.97 * column.count();
    }
}
