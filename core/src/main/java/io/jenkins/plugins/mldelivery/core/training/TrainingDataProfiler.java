package io.jenkins.plugins.mldelivery.core.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes the profile of a training data file, stored beside the model so that later validations
 * can use it as their reference. The {@code data} package provides the real one; training only
 * needs this seam.
 */
@FunctionalInterface
public interface TrainingDataProfiler {
    /**
     * Profiles one data file.
     *
     * @param dataFile the training data (CSV)
     * @param out      where to write the profile's JSON; do not close it
     * @throws IOException if reading or writing fails
     */
    void profile(Path dataFile, OutputStream out) throws IOException;
}
