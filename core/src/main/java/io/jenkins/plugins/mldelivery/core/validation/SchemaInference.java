package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a first schema from a reference profile, for a person to review, edit and commit. It is
 * designed to accept fresh samples of the same data and to catch what schemas are for: a changed
 * type, an absent or unexpected column, a new value in a small closed set, an impossible value.
 * So it writes only rules the reference's statistics support (as TensorFlow Data Validation's
 * schema inference does, it bounds no continuous value by the reference's range):
 * <ul>
 *   <li>every column with its type, required; no unexpected columns; at least one row;</li>
 *   <li>{@code min: 0} on a numeric column whose every value was at least 0 (a sign, not a range);</li>
 *   <li>{@code maxMissingRate} from an upper confidence bound of the reference's missing rate
 *       (Wilson score interval, {@value #Z} standard errors) plus the fluctuation of a fresh batch as
 *       large as the reference at that rate ({@value #Z} standard errors more), rounded up to two
 *       significant digits;</li>
 *   <li>{@code allowedValues} on string columns and integer columns with at most
 *       {@value #MAX_ALLOWED_VALUES} (integers: {@value #MAX_INTEGER_DOMAIN}) distinct values, each
 *       seen at least {@value #MIN_OCCURRENCES} times: Good–Turing's estimate of the chance that the
 *       next value is one never seen is the share of values seen once (I. J. Good, "The population
 *       frequencies of species", Biometrika 40, 1953), zero here; a set whose rarest value is rare
 *       is a tail cut at the sample's edge (counts), not a closed set;</li>
 *   <li>{@code unique} on string columns whose values all differ, and on integer columns whose
 *       values all differ and fill a dense range (keys); sparse random integers collide by chance.</li>
 * </ul>
 */
public final class SchemaInference {
    /** String columns with at most this many distinct values can get an allowed-values list. */
    public static final int MAX_ALLOWED_VALUES = 50;
    /** Integer columns with at most this many distinct values can get an allowed-values list. */
    public static final int MAX_INTEGER_DOMAIN = 20;
    /** Each value of an allowed-values list was seen at least this often in the reference. */
    public static final int MIN_OCCURRENCES = 20;
    /** Standard errors of the missing rate's upper confidence bound, and again of a fresh batch's fluctuation. */
    public static final double Z = 3.29;

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
        boolean unique = isUnique(column);
        Object min = null;
        // a sign, not a range: fresh samples set new extremes all the time, but not new signs
        if (type.isNumeric() && type != ColumnType.DATETIME && column.count() > 0 && column.numeric().moments().min() >= 0) {
            min = 0L;
        }
        List<String> allowed = unique ? null : allowedValues(column);
        return new ColumnRules(type, Boolean.TRUE, maxMissingRate(column.missing(), column.rows()),
                min, null, allowed, unique ? Boolean.TRUE : null, null);
    }

    private static List<String> allowedValues(final ColumnProfile column) {
        ColumnType type = column.type();
        int limit = type == ColumnType.STRING ? MAX_ALLOWED_VALUES : type == ColumnType.INTEGER ? MAX_INTEGER_DOMAIN : 0;
        CategoryCounts categories = column.categories();
        if (limit == 0 || categories == null || !categories.isExact() || categories.distinct() == 0
                || categories.distinct() > limit) {
            return null;
        }
        if (categories.counts().values().stream().anyMatch(count -> count < MIN_OCCURRENCES)) {
            return null;
        }
        List<String> allowed = new ArrayList<>(categories.counts().keySet());
        if (type == ColumnType.INTEGER) {
            allowed.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        else {
            allowed.sort(null);
        }
        return allowed;
    }

    /**
     * The largest missing rate a fresh batch of the same data should show: the upper end of the
     * Wilson score interval of the reference's rate (E. B. Wilson, "Probable inference, the law of
     * succession, and statistical inference", JASA 22, 1927), plus {@value #Z} standard deviations
     * of the rate a batch of as many rows would show at that rate, rounded up to two significant digits.
     *
     * @param missing the reference's missing values
     * @param rows    the reference's rows
     * @return the limit, 0..1
     */
    static double maxMissingRate(final long missing, final long rows) {
        if (rows == 0) {
            return 1.0;
        }
        double upper = wilsonUpperBound(missing, rows);
        double limit = upper + Z * Math.sqrt(upper * (1 - upper) / rows);
        if (limit >= 1) {
            return 1.0;
        }
        return new BigDecimal(limit).round(new MathContext(2, RoundingMode.CEILING)).doubleValue();
    }

    /**
     * The upper end of the Wilson score interval of a proportion, {@value #Z} standard errors wide
     * (statsmodels' {@code proportion_confint(method='wilson')}).
     *
     * @param successes the successes
     * @param trials    the trials, at least 1
     * @return the upper bound
     */
    static double wilsonUpperBound(final long successes, final long trials) {
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        return (p + z2 / (2 * n) + Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    }

    /**
     * Unique when every value is known to differ, or (beyond the exact counts) when the
     * distinct-count sketch cannot tell them from all different. String columns qualify as they are;
     * integer columns only when their values also fill a dense range, as keys do: random integers
     * from a sparse range collide by chance in fresh samples even when the reference shows none.
     */
    private static boolean isUnique(final ColumnProfile column) {
        if (column.count() < 2 || (column.type() != ColumnType.INTEGER && column.type() != ColumnType.STRING)) {
            return false;
        }
        boolean allDistinct = column.distinct().isExact()
                ? column.distinct().estimate() == column.count()
                : column.distinct().upperBound() >= column.count() && column.distinct().lowerBound() >= 0.97 * column.count();
        if (!allDistinct || column.type() == ColumnType.STRING) {
            return allDistinct;
        }
        double span = column.numeric().moments().max() - column.numeric().moments().min() + 1;
        return span <= 2.0 * column.count();
    }
}
