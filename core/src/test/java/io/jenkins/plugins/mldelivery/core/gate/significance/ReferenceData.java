package io.jenkins.plugins.mldelivery.core.gate.significance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The reference data sets of this package's tests, in {@code src/test/resources/.../gate/significance}:
 * {@code challenger.csv} and {@code champion.csv} (written by {@code make_predictions.py}) and
 * {@code asah.csv} (pROC's aSAH example, written by {@code asah_reference.R}).
 */
public final class ReferenceData {
    private ReferenceData() {
        // static look-ups only
    }

    /**
     * Returns a file of the reference data.
     *
     * @param name the file name
     * @return its path
     */
    public static Path file(final String name) {
        try {
            return Paths.get(ReferenceData.class.getResource(name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the 200 paired rows of the two reference models. */
    static PairedPredictions models() {
        return PairedPredictions.read(file("challenger.csv"), file("champion.csv"), List.of("gender"));
    }

    /** Returns the rows of one gender. */
    static PairedPredictions models(final String gender) {
        return models().slice(Map.of("gender", gender));
    }

    /** Returns pROC's aSAH example: label, s100b, wfns. */
    static double[][] asah() {
        try {
            List<String> lines = Files.readAllLines(file("asah.csv"));
            double[][] columns = new double[3][lines.size() - 1];
            for (int row = 1; row < lines.size(); row++) {
                String[] fields = lines.get(row).split(",");
                for (int column = 0; column < 3; column++) {
                    columns[column][row - 1] = Double.parseDouble(fields[column]);
                }
            }
            return columns;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
