package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.databind.JsonNode;

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
     * Reads a validate result.
     *
     * @param validate the result
     * @return the figures
     */
    static DataQuality from(final JsonNode validate) {
        Double rows = JsonFields.number(validate, "rows");
        long rowCount = rows == null ? 0 : rows.longValue();
        return new DataQuality(rowCount, JsonFields.array(validate, "violations").size(), missingRates(validate, rowCount));
    }

    /**
     * Reads the share of missing values per column from whichever per-column figures the result carries:
     * {@code columns[]} or {@code profile.columns[]} entries with {@code missingRate}, or with a missing
     * count ({@code missing}/{@code missingCount}) and a non-missing count ({@code count}/{@code nonMissing}),
     * or failing that the row count; else the current side's counts of the drift columns
     * ({@code drift.columns[].current} {@code {present, missing}}).
     */
    private static SortedMap<String, Double> missingRates(final JsonNode validate, final long rows) {
        SortedMap<String, Double> rates = new TreeMap<>();
        for (JsonNode column : JsonFields.array(JsonFields.object(validate, "drift"), "columns")) {
            JsonNode current = JsonFields.object(column, "current");
            Double present = JsonFields.number(current, "present");
            Double missing = JsonFields.number(current, "missing");
            String name = JsonFields.text(column, "name");
            if (name != null && present != null && missing != null && present + missing > 0) {
                rates.put(name, missing / (present + missing));
            }
        }
        JsonNode profile = JsonFields.object(validate, "profile");
        for (JsonNode column : JsonFields.array(validate, "columns").isEmpty()
                ? JsonFields.array(profile, "columns") : JsonFields.array(validate, "columns")) {
            String name = JsonFields.text(column, "name");
            Double rate = missingRate(column, rows);
            if (name != null && rate != null) {
                rates.put(name, rate);
            }
        }
        return rates;
    }

    private static Double missingRate(final JsonNode column, final long rows) {
        Double rate = JsonFields.number(column, "missingRate");
        if (rate != null) {
            return rate;
        }
        Double missing = first(JsonFields.number(column, "missing"), JsonFields.number(column, "missingCount"));
        if (missing == null) {
            return null;
        }
        Double present = first(JsonFields.number(column, "nonMissing"), JsonFields.number(column, "count"));
        double total = present != null ? present + missing : rows;
        return total > 0 ? missing / total : null;
    }

    private static Double first(final Double a, final Double b) {
        return a != null ? a : b;
    }
}
