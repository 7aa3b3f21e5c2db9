package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile of a whole table: its row count and one {@link ColumnProfile} per column, in header
 * order. Its JSON form (written by {@code ml-delivery profile --out}) round-trips without loss and is
 * what later builds use as the reference for drift.
 *
 * @param format  the format marker, {@value #FORMAT}
 * @param source  the file it was built from, or {@code null} when built in memory or merged
 * @param rows    the number of data rows
 * @param columns the column profiles in header order
 * @param notProfiled the columns the table has but that are not profiled (nested Parquet or JSON
 *                    values), each as "name (reason)"; empty for CSV
 */
@JsonPropertyOrder({"format", "source", "rows", "columns", "notProfiled"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetProfile(String format, InputIdentity source, long rows, List<ColumnProfile> columns,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notProfiled) {
    /** The format marker of the JSON form. */
    public static final String FORMAT = "ml-delivery-profile/1";

    /** Checks the format and that every column has one entry per row. */
    public DatasetProfile {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not an ML Delivery profile: format is '" + format + "', expected '" + FORMAT + "'");
        }
        columns = List.copyOf(columns);
        notProfiled = notProfiled == null ? List.of() : List.copyOf(notProfiled);
        for (ColumnProfile column : columns) {
            if (column.rows() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.rows()
                        + " entries, the table " + rows + " rows");
            }
        }
    }

    /**
     * Creates a profile of a table whose columns are all profiled.
     *
     * @param format  the format marker, {@value #FORMAT}
     * @param source  the file it was built from, or {@code null}
     * @param rows    the number of data rows
     * @param columns the column profiles in header order
     */
    public DatasetProfile(final String format, final InputIdentity source, final long rows, final List<ColumnProfile> columns) {
        this(format, source, rows, columns, List.of());
    }

    /**
     * Returns this profile with the columns that were left out recorded.
     *
     * @param names each column left out, as "name (reason)"
     * @return the profile
     */
    public DatasetProfile withNotProfiled(final List<String> names) {
        return new DatasetProfile(format, source, rows, columns, names);
    }

    /**
     * Creates a profile.
     *
     * @param source  the file it was built from, or {@code null}
     * @param rows    the number of data rows
     * @param columns the column profiles in header order
     * @return the profile
     */
    public static DatasetProfile of(final InputIdentity source, final long rows, final List<ColumnProfile> columns) {
        return new DatasetProfile(FORMAT, source, rows, columns);
    }

    /**
     * Returns the profile of a column.
     *
     * @param name the column's name
     * @return its profile, if the table has that column
     */
    public Optional<ColumnProfile> column(final String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Returns the column names in header order.
     *
     * @return the names
     */
    @JsonIgnore
    public List<String> columnNames() {
        return columns.stream().map(ColumnProfile::name).toList();
    }

    /**
     * Returns this profile with its source file recorded.
     *
     * @param identity the file it was built from
     * @return the profile
     */
    public DatasetProfile withSource(final InputIdentity identity) {
        return new DatasetProfile(format, identity, rows, columns, notProfiled);
    }

    /**
     * Merges the profiles of two disjoint sets of rows of tables with the same columns.
     *
     * @param other the other rows' profile
     * @return the profile of all rows (without a source)
     * @throws IllegalArgumentException if the columns differ
     */
    public DatasetProfile merge(final DatasetProfile other) {
        if (!columnNames().equals(other.columnNames())) {
            throw new IllegalArgumentException("cannot merge profiles with different columns: " + columnNames()
                    + " and " + other.columnNames());
        }
        List<ColumnProfile> merged = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            merged.add(columns.get(i).merge(other.columns.get(i)));
        }
        return new DatasetProfile(format, null, rows + other.rows, merged, notProfiled);
    }

    /**
     * Writes the profile as JSON, atomically.
     *
     * @param file the file to write
     */
    public void write(final Path file) {
        ResultJson.write(file, this);
    }

    /**
     * Reads a profile written by {@link #write(Path)}.
     *
     * @param file the file
     * @return the profile
     * @throws BadInputException naming the file when it is not a readable profile
     */
    public static DatasetProfile read(final Path file) {
        try {
            return Objects.requireNonNull(ResultJson.read(file, DatasetProfile.class), "profile");
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(file + ": not a valid profile: " + e.getMessage(), e);
        }
    }
}
