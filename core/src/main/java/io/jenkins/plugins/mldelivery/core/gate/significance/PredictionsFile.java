package io.jenkins.plugins.mldelivery.core.gate.significance;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One predictions CSV as the team's contract defines it: a header, then {@code id} (optional),
 * {@code label} (0/1), {@code prediction} (0/1), {@code probability} (0..1, optional),
 * {@code latency_ms} (optional) and any other column as a slice attribute. Read in one streamed
 * pass into primitive columns; every bad value is reported with the file, row and column.
 */
final class PredictionsFile {
    static final String ID = "id";
    static final String LABEL = "label";
    static final String PREDICTION = "prediction";
    static final String PROBABILITY = "probability";
    static final String LATENCY = "latency_ms";

    private final Path file;
    private final List<String> ids;
    private final byte[] labels;
    private final ModelPredictions predictions;
    private final Map<String, String[]> attributes;
    private final long[] lines;

    private PredictionsFile(final Path file, final List<String> ids, final byte[] labels, final ModelPredictions predictions,
            final Map<String, String[]> attributes, final long[] lines) {
        this.file = file;
        this.ids = ids;
        this.labels = labels;
        this.predictions = predictions;
        this.attributes = attributes;
        this.lines = lines;
    }

    /**
     * Reads a predictions file.
     *
     * @param file          the file
     * @param attributes    the slice attributes to keep (other columns are skipped)
     * @param labelRequired whether every row must carry a label
     * @return the file's columns
     * @throws BadInputException naming the file, row and column of the first problem
     */
    static PredictionsFile read(final Path file, final Collection<String> attributes, final boolean labelRequired) {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file)) {
            Builder builder = null;
            for (NamedCsvRecord record : reader) {
                if (builder == null) {
                    builder = new Builder(file, record.getHeader(), attributes, labelRequired);
                }
                builder.add(record);
            }
            if (builder == null) {
                throw new BadInputException(file + ": no rows (expected a header and one row per prediction)");
            }
            return builder.build();
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (CsvParseException e) {
            String detail = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new BadInputException(file + ": " + e.getMessage() + detail, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    int size() {
        return predictions.size();
    }

    /** Returns the ids in row order, or {@code null} when the file has no {@code id} column. */
    List<String> ids() {
        return ids;
    }

    /** Returns the labels, with -1 for a row without one, or {@code null} when the file has no {@code label} column. */
    byte[] labels() {
        return labels;
    }

    ModelPredictions predictions() {
        return predictions;
    }

    Map<String, String[]> attributes() {
        return attributes;
    }

    /** Returns the 1-based line of a row, as a user finds it in an editor. */
    long line(final int row) {
        return lines[row];
    }

    /** Accumulates columns while the file streams past. */
    private static final class Builder {
        private final Path file;
        private final boolean hasId;
        private final boolean hasLabel;
        private final boolean hasProbability;
        private final boolean hasLatency;
        private final boolean labelRequired;
        private final List<String> ids = new ArrayList<>();
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();
        private byte[] labels = new byte[1024];
        private byte[] predictions = new byte[1024];
        private double[] probabilities = new double[1024];
        private double[] latencies = new double[1024];
        private long[] lines = new long[1024];
        private int size;

        Builder(final Path file, final List<String> header, final Collection<String> attributeNames, final boolean labelRequired) {
            this.file = file;
            this.hasId = header.contains(ID);
            this.hasLabel = header.contains(LABEL);
            this.hasProbability = header.contains(PROBABILITY);
            this.hasLatency = header.contains(LATENCY);
            this.labelRequired = labelRequired;
            if (!header.contains(PREDICTION)) {
                throw BadInputException.at(file, 1, null, "no column '" + PREDICTION + "'; the columns are " + String.join(", ", header));
            }
            if (labelRequired && !hasLabel) {
                throw BadInputException.at(file, 1, null, "no column '" + LABEL + "' (the gate compares models on labelled rows);"
                        + " the columns are " + String.join(", ", header));
            }
            for (String attribute : attributeNames) {
                if (!header.contains(attribute)) {
                    throw BadInputException.at(file, 1, null, "no column '" + attribute + "' to slice by; the columns are "
                            + String.join(", ", header));
                }
                attributes.put(attribute, new ArrayList<>());
            }
        }

        void add(final NamedCsvRecord record) {
            if (size == predictions.length) {
                grow();
            }
            long line = record.getStartingLineNumber();
            lines[size] = line;
            if (hasId) {
                ids.add(record.getField(ID));
            }
            if (hasLabel) {
                String label = record.getField(LABEL).strip();
                labels[size] = label.isEmpty() && !labelRequired ? -1 : binary(line, LABEL, label);
            }
            predictions[size] = binary(line, PREDICTION, record.getField(PREDICTION).strip());
            if (hasProbability) {
                probabilities[size] = number(line, PROBABILITY, record.getField(PROBABILITY), 1);
            }
            if (hasLatency) {
                latencies[size] = number(line, LATENCY, record.getField(LATENCY), Double.POSITIVE_INFINITY);
            }
            attributes.forEach((name, values) -> values.add(record.getField(name)));
            size++;
        }

        private void grow() {
            int capacity = predictions.length * 2;
            labels = Arrays.copyOf(labels, capacity);
            predictions = Arrays.copyOf(predictions, capacity);
            probabilities = Arrays.copyOf(probabilities, capacity);
            latencies = Arrays.copyOf(latencies, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }

        private byte binary(final long line, final String column, final String value) {
            switch (value) {
                case "0", "0.0", "false", "False" -> {
                    return 0;
                }
                case "1", "1.0", "true", "True" -> {
                    return 1;
                }
                default -> throw BadInputException.at(file, line, column, "expected 0 or 1, found '" + value + "'");
            }
        }

        private double number(final long line, final String column, final String text, final double max) {
            double value;
            try {
                value = JavaDoubleParser.parseDouble(text.strip());
            }
            catch (NumberFormatException e) {
                throw BadInputException.at(file, line, column, "expected a number, found '" + text + "'");
            }
            if (!(value >= 0 && value <= max)) {
                throw BadInputException.at(file, line, column, "expected a number from 0 to " + (max == 1 ? "1" : "infinity")
                        + ", found " + text.strip());
            }
            return value;
        }

        PredictionsFile build() {
            Map<String, String[]> attributeColumns = new LinkedHashMap<>();
            attributes.forEach((name, values) -> attributeColumns.put(name, values.toArray(String[]::new)));
            ModelPredictions model = new ModelPredictions(Arrays.copyOf(predictions, size),
                    hasProbability ? Arrays.copyOf(probabilities, size) : null,
                    hasLatency ? Arrays.copyOf(latencies, size) : null);
            return new PredictionsFile(file, hasId ? List.copyOf(ids) : null, hasLabel ? Arrays.copyOf(labels, size) : null,
                    model, attributeColumns, Arrays.copyOf(lines, size));
        }
    }
}
