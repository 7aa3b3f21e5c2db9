package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the metrics a training command wrote. JSON and YAML: nested keys are joined with dots, as
 * {@code dvc metrics show} does, and a list of numbers is a series. CSV and TSV: one column per
 * metric and one row per epoch (a {@code step}, {@code epoch} or {@code iteration} column is the
 * index, not a metric); each column is a series whose last value is the metric. Every value must
 * be a finite number: NaN, infinities, text, booleans and nulls are errors naming the place.
 */
public final class MetricsFile {
    private static final Set<String> INDEX_COLUMNS = Set.of("step", "epoch", "iteration", "iter");
    // Python's json module writes NaN and Infinity bare; accept them so the error can name them.
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final JsonFactory YAML = new YAMLFactory();

    private MetricsFile() {
        // static entry points only
    }

    /**
     * Reads one metrics file, choosing the format by extension.
     *
     * @param file the file
     * @return its metrics
     * @throws BadInputException naming the file and the place (line and column, or row and column)
     */
    public static Metrics read(final Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such metrics file" + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        try {
            if (name.endsWith(".json")) {
                return readTree(file, JSON);
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return readTree(file, YAML);
            }
            if (name.endsWith(".csv")) {
                return readTable(file, ',');
            }
            if (name.endsWith(".tsv")) {
                return readTable(file, '\t');
            }
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such metrics file");
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        throw new BadInputException(file + ": unknown metrics format; expected a .json, .yaml, .yml, .csv or .tsv file");
    }

    private static Metrics readTree(final Path file, final JsonFactory factory) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new BadInputException(file + ": empty metrics file; expected an object of metric names and numbers");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(at(file, parser) + "expected an object of metric names and numbers at the top, found "
                        + describe(parser));
            }
            readObject(file, parser, "", values, series);
        }
        catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 0 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
            String message = String.valueOf(e.getOriginalMessage());
            throw new BadInputException(file + where + ": " + message.lines().findFirst().orElse(message), e);
        }
        if (values.isEmpty()) {
            throw new BadInputException(file + ": no metrics in the file");
        }
        return new Metrics(values, series);
    }

    private static void readObject(final Path file, final JsonParser parser, final String prefix,
            final Map<String, Double> values, final Map<String, List<Double>> series) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readObject(file, parser, key + ".", values, series);
                continue;
            }
            if (values.containsKey(key)) {
                throw new BadInputException(at(file, parser) + "'" + key + "' appears twice");
            }
            if (value == JsonToken.START_ARRAY) {
                List<Double> points = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    points.add(number(file, parser, key + "[" + points.size() + "]"));
                }
                if (points.isEmpty()) {
                    throw new BadInputException(at(file, parser) + "'" + key + "' is an empty list; expected numbers");
                }
                series.put(key, points);
                values.put(key, points.get(points.size() - 1));
            }
            else {
                values.put(key, number(file, parser, key));
            }
        }
    }

    private static double number(final Path file, final JsonParser parser, final String key) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = doubleValue(parser);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        throw new BadInputException(at(file, parser) + "'" + key + "' is " + describe(parser) + " where a number belongs");
    }

    private static String describe(final JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText(); // NaN, Infinity, .inf, .nan as written
            case VALUE_STRING -> "the text '" + abbreviate(parser.getText()) + "'";
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + parser.getText();
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** The value of a number token, or NaN for what a YAML parser calls a number but Java cannot read (.inf, .nan). */
    private static double doubleValue(final JsonParser parser) throws IOException {
        try {
            return parser.getDoubleValue();
        }
        catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            return Double.NaN;
        }
    }

    private static String at(final Path file, final JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static Metrics readTable(final Path file, final char separator) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            List<List<Double>> columns = new ArrayList<>();
            long row = 0;
            for (CsvRecord record : reader) {
                row++;
                if (header == null) {
                    header = record.getFields().stream().map(String::strip).toList();
                    header.forEach(name -> columns.add(new ArrayList<>()));
                    continue;
                }
                for (int i = 0; i < header.size(); i++) {
                    if (!INDEX_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                        columns.get(i).add(cell(file, row, header.get(i), record.getField(i)));
                    }
                }
            }
            if (header == null || row < 2) {
                throw new BadInputException(file + ": no rows; expected a header and one row per epoch");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, List<Double>> series = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!columns.get(i).isEmpty()) {
                    if (series.put(header.get(i), columns.get(i)) != null) {
                        throw BadInputException.at(file, 1, header.get(i), "the column name appears twice");
                    }
                    values.put(header.get(i), columns.get(i).get(columns.get(i).size() - 1));
                }
            }
            if (values.isEmpty()) {
                throw BadInputException.at(file, 1, null, "no metric columns besides the index");
            }
            return new Metrics(values, series);
        }
        catch (CsvParseException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static double cell(final Path file, final long row, final String column, final String text) {
        String value = text.strip();
        try {
            // Double.parseDouble also takes NaN, Infinity and hex; a metric is a plain finite decimal.
            if (!value.isEmpty() && !value.matches("(?i).*(nan|inf|0x).*")) {
                double number = Double.parseDouble(value);
                if (Double.isFinite(number)) {
                    return number;
                }
            }
        }
        catch (NumberFormatException e) {
            // reported below with the place
        }
        throw BadInputException.at(file, row, column, (value.isEmpty() ? "empty" : "'" + abbreviate(value) + "'")
                + " where a number belongs");
    }

    private static String abbreviate(final String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
