package io.jenkins.plugins.mldelivery.core.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes the profile of a training data file, stored beside the model so that later validations
 * can use it as their reference ({@link CsvDataProfiler} for CSV and TSV files).
 */
@FunctionalInterface
public interface TrainingDataProfiler {
    /**
     * Says whether this profiler can profile a file; files it cannot are only hashed.
     *
     * @param dataFile the training data file
     * @return whether to profile it (by default every file)
     */
    default boolean handles(final Path dataFile) {
        return true;
    }

    /**
     * Profiles one data file.
     *
     * @param dataFile the training data (CSV)
     * @param out      where to write the profile's JSON; do not close it
     * @throws IOException if reading or writing fails
     */
    void profile(Path dataFile, OutputStream out) throws IOException;
}
