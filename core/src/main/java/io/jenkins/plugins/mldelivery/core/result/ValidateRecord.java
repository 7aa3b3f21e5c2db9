package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A validate result ({@code ml-delivery validate --json}) as every reader sees it: the rows read, the
 * constraint violations, and the drift of each column against the reference.
 *
 * @param formatVersion the result format's version (1 when the file does not say)
 * @param step          {@code validate}, or {@code drift} for a drift result of its own
 * @param status        the step's status
 * @param timing        when it ran, or null
 * @param inputs        the files it read
 * @param rows          the data rows read, or null when the result does not say
 * @param violations    the constraint violations
 * @param drift         the drift against the reference, or null when there was no reference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidateRecord(Integer formatVersion, String step, Status status, Timing timing,
        List<InputIdentity> inputs, Long rows,
        List<Violation> violations, Drift drift) implements RecordedStep {
    /** Requires the step and status. */
    public ValidateRecord {
        formatVersion = formatVersion == null ? 1 : formatVersion;
        Required.field(step, "step");
        Required.field(status, "status");
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        violations = violations == null ? List.of() : List.copyOf(violations);
        if (rows != null && rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
    }

    /**
     * One broken constraint.
     *
     * @param column   the column, or null for a rule on the whole table
     * @param rule     the rule
     * @param expected what the rule expects, as written
     * @param found    what was found, as written
     * @param count    how many rows broke it, or null
     * @param rows     the first rows that broke it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String column, String rule, JsonNode expected, JsonNode found, Long count, List<Long> rows) {
        /** Requires the rule. */
        public Violation {
            Required.field(rule, "rule");
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /**
     * The drift of a batch against its reference.
     *
     * @param datasetDrift    whether the dataset as a whole drifted
     * @param driftedShare    the share of compared columns that drifted, or null
     * @param driftedColumns  how many columns drifted, or null
     * @param comparedColumns how many columns were compared (ignored columns are not), or null
     * @param reason          one line saying why, or null
     * @param columns         every column, compared or not
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drift(boolean datasetDrift, Double driftedShare, Integer driftedColumns, Integer comparedColumns,
            String reason, List<Column> columns) {
        /** Copies the list. */
        public Drift {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        /**
         * Returns how many columns were compared: the columns not marked as not compared, else (a result
         * without its columns) the count it states.
         *
         * @return the number of compared columns
         */
        @JsonIgnore
        public int compared() {
            return columns.isEmpty() && comparedColumns != null ? comparedColumns : (int) columns.stream().filter(Column::wasCompared).count();
        }

        /**
         * Returns how many columns drifted: those marked drifted, else (a result without its columns) the count it states.
         *
         * @return the number of drifted columns
         */
        @JsonIgnore
        public int drifted() {
            return columns.isEmpty() && driftedColumns != null ? driftedColumns : (int) columns.stream().filter(Column::drifted).count();
        }
    }

    /**
     * The drift of one column.
     *
     * @param name           the column
     * @param type           its type, or null
     * @param compared       whether it was compared (false when the policy ignores it), or null when not said
     * @param method         the test, or null
     * @param statistic      the test statistic, or null
     * @param pValue         the raw p-value, or null
     * @param pValueAdjusted the p-value after multiple-testing correction, or null
     * @param effectMeasure  what the effect size measures, or null
     * @param effectSize     the effect size, or null
     * @param threshold      the effect size above which drift matters, or null
     * @param drifted        whether it drifted
     * @param reason         one line saying why, or null
     * @param current        the current batch's counts, or null
     * @param histogram      the chart data of both sides, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String name, String type, Boolean compared, String method, Double statistic, Double pValue,
            Double pValueAdjusted, String effectMeasure, Double effectSize, Double threshold, boolean drifted, String reason,
            Counts current, JsonNode histogram) {
        /** Requires the name. */
        public Column {
            Required.field(name, "name");
        }

        /**
         * Says whether the column was compared.
         *
         * @return false only when the result says it was not
         */
        @JsonIgnore
        public boolean wasCompared() {
            return !Boolean.FALSE.equals(compared);
        }
    }

    /**
     * How many values of a column were present and missing.
     *
     * @param present the present values
     * @param missing the missing values
     */
    public record Counts(long present, long missing) {
    }
}
