package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.DataTables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Profiles CSV and TSV training data (by name), and Parquet and JSON Lines files (by content), with
 * the data step's one-pass profiler (column types inferred as {@code ml-delivery profile} infers them),
 * so the profile beside the model is the same document {@code ml-delivery validate --reference
 * PROFILE.json} reads. Other files (images, archives) are hashed for the lineage but not profiled.
 */
public final class CsvDataProfiler implements TrainingDataProfiler {
    @Override
    public boolean handles(final Path dataFile) {
        String name = String.valueOf(dataFile.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return true;
        }
        if (!Files.isRegularFile(dataFile)) {
            return false;
        }
        try {
            return DataTables.formatOf(dataFile) != DataTables.Format.CSV; // Parquet or JSON Lines, by content
        }
        catch (BadInputException e) {
            return false; // not what its name says: hashed for the lineage, not profiled
        }
    }

    @Override
    public void profile(final Path dataFile, final OutputStream out) throws IOException {
        CsvFormat format = String.valueOf(dataFile.getFileName()).toLowerCase(Locale.ROOT).endsWith(".tsv")
                ? CsvFormat.defaults().withDelimiter('\t') : CsvFormat.defaults();
        // one thread: the profile is the same with any number, and training has just used the machine
        DatasetProfile profile = DataProfiling.profile(dataFile, format, Map.of(), 1);
        ResultJson.mapper().writeValue(out, profile);
    }
}
