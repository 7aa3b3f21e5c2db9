package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.table.CsvFormat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to validate and against what.
 *
 * @param data        the CSV file to check
 * @param format      how the CSV files are written
 * @param schema      the schema file, or {@code null}
 * @param reference   the reference: a CSV file or a saved profile (JSON), or {@code null} for no drift
 * @param driftPolicy the drift policy file (YAML or JSON), or {@code null} for the default policy
 * @param threads     how many threads read the data
 * @param profileOut  where to write the data's profile, or {@code null}
 */
public record ValidationRequest(Path data, CsvFormat format, Path schema, Path reference, Path driftPolicy, int threads,
        Path profileOut) {
    /** Checks the data is given and the thread count is positive. */
    public ValidationRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /**
     * Returns a request to validate a file with the default format, on every available core, with
     * neither schema nor reference.
     *
     * @param data the CSV file
     * @return the request
     */
    public static ValidationRequest of(final Path data) {
        return new ValidationRequest(data, CsvFormat.defaults(), null, null, null,
                Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * Returns this request with a schema.
     *
     * @param file the schema file
     * @return the request
     */
    public ValidationRequest withSchema(final Path file) {
        return new ValidationRequest(data, format, file, reference, driftPolicy, threads, profileOut);
    }

    /**
     * Returns this request with a reference.
     *
     * @param file a CSV file or a saved profile
     * @return the request
     */
    public ValidationRequest withReference(final Path file) {
        return new ValidationRequest(data, format, schema, file, driftPolicy, threads, profileOut);
    }

    /**
     * Returns this request with a drift policy.
     *
     * @param file the policy file
     * @return the request
     */
    public ValidationRequest withDriftPolicy(final Path file) {
        return new ValidationRequest(data, format, schema, reference, file, threads, profileOut);
    }

    /**
     * Returns this request with another thread count.
     *
     * @param count the thread count
     * @return the request
     */
    public ValidationRequest withThreads(final int count) {
        return new ValidationRequest(data, format, schema, reference, driftPolicy, count, profileOut);
    }

    /**
     * Returns this request with another CSV format.
     *
     * @param csv the format
     * @return the request
     */
    public ValidationRequest withFormat(final CsvFormat csv) {
        return new ValidationRequest(data, csv, schema, reference, driftPolicy, threads, profileOut);
    }

    /**
     * Returns this request with a file to write the data's profile to.
     *
     * @param file the profile file
     * @return the request
     */
    public ValidationRequest withProfileOut(final Path file) {
        return new ValidationRequest(data, format, schema, reference, driftPolicy, threads, file);
    }
}
