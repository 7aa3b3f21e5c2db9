package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.NumericSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift between two dataset profiles: the entry point of the validate step. Numeric columns
 * (integer, decimal, date-time) are compared exactly while the profile kept every value, else from
 * their KLL sketches; string and boolean columns by their category counts (exact, or a frequent-items
 * sketch's estimates with the rest as one untracked bucket).
 */
public final class ProfileDrift {
    private ProfileDrift() {
        // static entry points only
    }

    /**
     * Compares a current dataset's profile with a reference profile.
     *
     * @param reference the reference (for example the training data's profile, archived with the model)
     * @param current   the profile of the data to check
     * @param policy    when a column and the dataset drift
     * @return the drift report, columns in the reference's order, then columns only the current data has
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException when the policy does not fit the columns
     */
    public static DriftReport compare(final DatasetProfile reference, final DatasetProfile current,
            final DriftPolicy policy) {
        Map<String, ColumnDistribution> left = distributions(reference);
        Map<String, ColumnDistribution> right = distributions(current);
        for (ColumnProfile column : reference.columns()) {
            ColumnProfile other = current.column(column.name()).orElse(null);
            if (other != null && !column.type().isNumeric() && !other.type().isNumeric()
                    && !(column.categories().isExact() && other.categories().isExact())) {
                // A sketch names only the values it can vouch for; both sides must be counted on the same
                // values, or a value tracked on one side only would look like a category that vanished.
                Set<String> values = new TreeSet<>(column.categories().certainValues());
                values.addAll(other.categories().certainValues());
                left.put(column.name(), onValues(column, values));
                right.put(other.name(), onValues(other, values));
            }
        }
        return DriftAnalysis.compare(left, right, policy);
    }

    /** The counts of the given values on one side, the rest of its total as the untracked bucket. */
    private static CategoricalDistribution onValues(final ColumnProfile column, final Set<String> values) {
        CategoryCounts categories = column.categories();
        Map<String, Long> counts = new LinkedHashMap<>();
        long tracked = 0;
        for (String value : values) {
            long count = categories.estimate(value);
            if (count > 0) {
                counts.put(value, count);
                tracked += count;
            }
        }
        // Estimates can overshoot; the untracked bucket is what the tracked estimates leave of the total.
        return new CategoricalDistribution(counts, Math.max(0, categories.total() - tracked), column.missing(),
                categories.maximumError());
    }

    /**
     * Returns what drift needs of each column of a profile.
     *
     * @param profile the profile
     * @return each column's distribution by name, in the profile's order
     */
    public static Map<String, ColumnDistribution> distributions(final DatasetProfile profile) {
        Map<String, ColumnDistribution> columns = new LinkedHashMap<>();
        for (ColumnProfile column : profile.columns()) {
            columns.put(column.name(), distribution(column));
        }
        return columns;
    }

    /**
     * Returns what drift needs of one column's profile.
     *
     * @param column the column's profile
     * @return a numeric distribution for numeric types, else a categorical one
     */
    public static ColumnDistribution distribution(final ColumnProfile column) {
        if (column.type().isNumeric()) {
            NumericSummary numeric = column.numeric();
            if (numeric.hasExactValues() || column.count() == 0) {
                double[] values = numeric.hasExactValues() ? numeric.exactValues().values() : new double[0];
                return NumericDistribution.ofValues(values, column.missing());
            }
            return NumericDistribution.ofSketch(numeric.quantiles().sketch(), column.missing(),
                    numeric.moments().mean(), numeric.moments().populationVariance());
        }
        CategoryCounts categories = column.categories();
        if (categories.isExact()) {
            return CategoricalDistribution.of(categories.counts(), column.missing());
        }
        return onValues(column, new TreeSet<>(categories.certainValues()));
    }
}
