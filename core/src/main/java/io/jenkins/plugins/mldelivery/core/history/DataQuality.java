package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;


import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data-quality figures of one validated batch: how many rows, how many constraint violations,
 * and the share of missing values per column.
 *
 * @param rows         the number of data rows read
 * @param violations   the number of violations reported
 * @param missingRates the share of missing values (0..1) per column that reported one, by column name
 */
public record DataQuality(long rows, int violations, SortedMap<String, Double> missingRates) {
    /** Copies the map. */
    public DataQuality {
        missingRates = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(missingRates, "missingRates")));
    }

    /**
     * Reads a validate result: its rows, its violations, and the share of missing values of each
     * column the drift test counted on the current side.
     *
     * @param validate the result
     * @return the figures
     */
    static DataQuality from(final ValidateRecord validate) {
        SortedMap<String, Double> rates = new TreeMap<>();
        if (validate.drift() != null) {
            for (ValidateRecord.Column column : validate.drift().columns()) {
                ValidateRecord.Counts current = column.current();
                if (current != null && current.present() + current.missing() > 0) {
                    rates.put(column.name(), (double) current.missing() / (current.present() + current.missing()));
                }
            }
        }
        return new DataQuality(validate.rows() == null ? 0 : validate.rows(), validate.violations().size(), rates);
    }
}
