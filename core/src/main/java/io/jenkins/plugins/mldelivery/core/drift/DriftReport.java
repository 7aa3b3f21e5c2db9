package io.jenkins.plugins.mldelivery.core.drift;

import io.jenkins.plugins.mldelivery.core.result.Status;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The drift of a dataset against its reference: the verdict, the share of compared columns that
 * drifted, the policy that decided, and every column's drift. This is the {@code drift} object of
 * the validate step's JSON result.
 *
 * @param datasetDrift      whether the dataset drifted: the drifted share reached the policy's share, or a critical column drifted
 * @param driftedShare      drifted columns / compared columns (0 when none was compared)
 * @param driftedColumns    how many columns drifted
 * @param comparedColumns   how many columns could be compared
 * @param datasetDriftShare the share of drifted columns at which the dataset drifts
 * @param alpha             the level of the corrected p-values
 * @param correction        {@code benjamini-hochberg}, {@code bonferroni} or {@code none}
 * @param rule              {@code significant-and-large}, {@code significant} or {@code large}
 * @param reason            one line saying why the dataset drifted or did not
 * @param columns           every column of either side, reference order first
 */
public record DriftReport(boolean datasetDrift, double driftedShare, int driftedColumns, int comparedColumns,
        double datasetDriftShare, double alpha, String correction, String rule, String reason,
        List<ColumnDrift> columns) {
    /** Copies the columns. */
    public DriftReport {
        Objects.requireNonNull(reason, "reason");
        columns = List.copyOf(columns);
    }

    /**
     * Returns a column's drift.
     *
     * @param name the column
     * @return its drift, empty when neither side has it
     */
    public Optional<ColumnDrift> column(final String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /**
     * Returns the status drift gives the step: failed on dataset drift, a warning when some columns
     * drifted without dataset drift, passed otherwise.
     *
     * @return the status
     */
    public Status status() {
        if (datasetDrift) {
            return Status.FAILED;
        }
        return driftedColumns > 0 ? Status.WARNING : Status.PASSED;
    }

    /**
     * Returns a short summary for people: the verdict, then one line per drifted column.
     *
     * @return the summary, without a trailing newline
     */
    public String summary() {
        StringBuilder text = new StringBuilder(datasetDrift ? "Dataset drift: " : "No dataset drift: ").append(reason);
        for (ColumnDrift column : columns) {
            if (column.drifted()) {
                text.append(String.format(Locale.ROOT, "%n  %s: %s", column.name(), column.reason()));
            }
        }
        return text.toString();
    }
}
