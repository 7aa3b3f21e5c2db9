package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.result.StepResult;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of the profile step: the data's row count and a line per column; the full profile is
 * the file written with {@code --out}.
 *
 * @param timing  when it ran
 * @param inputs  the data file
 * @param rows    the number of data rows
 * @param columns one summary per column, in file order
 */
@JsonPropertyOrder({"step", "status", "timing", "inputs", "rows", "columns"})
public record ProfileResult(Timing timing, List<InputIdentity> inputs, long rows, List<ColumnSummary> columns)
        implements StepResult {
    /** The step's name. */
    public static final String STEP = "profile";

    /** Copies the lists. */
    public ProfileResult {
        Objects.requireNonNull(timing, "timing");
        inputs = List.copyOf(inputs);
        columns = List.copyOf(columns);
    }

    /**
     * Summarises a profile.
     *
     * @param timing  when profiling ran
     * @param profile the profile
     * @return the result
     */
    public static ProfileResult of(final Timing timing, final DatasetProfile profile) {
        List<ColumnSummary> columns = profile.columns().stream().map(ColumnSummary::of).toList();
        return new ProfileResult(timing, profile.source() == null ? List.of() : List.of(profile.source()), profile.rows(), columns);
    }

    @Override
    @JsonProperty("step")
    public String step() {
        return STEP;
    }

    @Override
    @JsonProperty("status")
    public Status status() {
        return Status.PASSED;
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "profile: %,d rows, %d columns", rows, columns.size()));
        for (ColumnSummary column : columns) {
            text.append(System.lineSeparator()).append("  ").append(column.describe());
        }
        return text.toString();
    }

    /**
     * One column at a glance.
     *
     * @param name          the column's name
     * @param type          its type
     * @param missingRate   the share of rows missing it
     * @param distinct      the number of distinct values: exact while {@code distinctExact}, else the
     *                      distinct-count sketch's estimate (see {@link DistinctCount} for its error)
     * @param min           the smallest finite value (numeric columns), else {@code null}
     * @param max           the largest finite value (numeric columns), else {@code null}
     * @param mean          the mean of the finite values (numeric columns), else {@code null}
     * @param distinctExact whether {@code distinct} is a count rather than an estimate
     * @param nonFiniteRate the share of rows holding an infinite value
     */
    @JsonPropertyOrder({"name", "type", "missingRate", "nonFiniteRate", "distinct", "distinctExact", "min", "max", "mean"})
    public record ColumnSummary(String name, ColumnType type, double missingRate, double distinct, Double min, Double max,
            Double mean, boolean distinctExact, double nonFiniteRate) {
        static ColumnSummary of(final ColumnProfile column) {
            NumericSummary numeric = column.numeric();
            boolean values = numeric != null && numeric.moments().count() > 0;
            // the sketch's estimate can exceed the number of values, which bounds it
            double distinct = Math.min(column.count(), Math.rint(column.distinct().estimate()));
            return new ColumnSummary(column.name(), column.type(), column.missingRate(), distinct,
                    values ? numeric.moments().min() : null, values ? numeric.moments().max() : null,
                    values ? numeric.moments().mean() : null, column.distinct().isExact(), column.nonFiniteRate());
        }

        String describe() {
            String range = min == null ? "" : type == ColumnType.DATETIME
                    ? String.format(Locale.ROOT, ", range %s..%s", instant(min), instant(max))
                    : String.format(Locale.ROOT, ", range %s..%s, mean %.4g", number(min), number(max), mean);
            String infinite = nonFiniteRate > 0 ? String.format(Locale.ROOT, ", %.1f%% infinite (left out of the statistics)",
                    nonFiniteRate * 100) : "";
            return String.format(Locale.ROOT, "%s (%s): %.1f%% missing%s, %s distinct%s", name, type, missingRate * 100,
                    infinite, distinctText(), range);
        }

        /** An estimate is said as one, to the two significant digits its error (about 3 %) supports. */
        private String distinctText() {
            if (distinctExact) {
                return String.format(Locale.ROOT, "%,.0f", distinct);
            }
            double rounded = new java.math.BigDecimal(distinct).round(new java.math.MathContext(2)).doubleValue();
            return String.format(Locale.ROOT, "about %,.0f", rounded);
        }

        private static String instant(final double seconds) {
            long whole = (long) Math.floor(seconds);
            return java.time.Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9)).toString();
        }

        private static String number(final double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : String.format(Locale.ROOT, "%.6g", value);
        }
    }
}
