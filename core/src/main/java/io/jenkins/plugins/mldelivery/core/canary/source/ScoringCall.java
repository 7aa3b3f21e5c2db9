package io.jenkins.plugins.mldelivery.core.canary.source;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.jenkins.plugins.mldelivery.core.canary.plan.CommandTemplate;
import io.jenkins.plugins.mldelivery.core.canary.runtime.ProcessRunner;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of a version's scoring command on a batch of recorded requests
 * ({@code predict.py --model MODEL --data INPUT.csv --out PREDICTIONS.csv}), and what each
 * request got back: a prediction and probability, or nothing (the call failed, or its row is
 * missing from the predictions). Rows are paired by {@code id} when both files have one, else by position.
 */
final class ScoringCall {
    /** What one request got back; {@code prediction} is {@code null} when it got no valid answer. */
    record Answer(Integer label, Integer prediction, Double probability, Double latencyMillis) {
    }

    /** The answers of a call, its wall-clock time, and a note if it failed. */
    record Result(List<Answer> answers, Duration elapsed, boolean latencyPerRow, String failure) {
    }

    private ScoringCall() {
        // static entry point only
    }

    static Result run(final CommandTemplate command, final Map<String, String> values, final Path directory, final Duration timeout,
            final List<String> header, final List<RecordedRequests.Row> rows, final Path work) {
        Path input = work.resolve("input.csv");
        Path output = work.resolve("predictions.csv");
        write(input, header, rows);
        Map<String, String> placeholders = new HashMap<>(values);
        placeholders.put("input", input.toString());
        placeholders.put("output", output.toString());
        List<String> arguments = command.render(placeholders);
        int idColumn = header.indexOf("id");
        int labelColumn = header.indexOf("label");
        ProcessRunner.Output ran;
        try {
            Files.deleteIfExists(output);
            ran = ProcessRunner.run("scoring command", arguments, directory, timeout);
        }
        catch (ExternalSystemException e) {
            return failed(rows, labelColumn, Duration.ZERO, e.getMessage());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ran.exitCode() != 0) {
            return failed(rows, labelColumn, ran.elapsed(), "'" + String.join(" ", arguments) + "' exited with " + ran.exitCode() + ": " + ran.lastLine());
        }
        if (!Files.exists(output)) {
            return failed(rows, labelColumn, ran.elapsed(), "'" + String.join(" ", arguments) + "' wrote no predictions to " + output);
        }
        return read(output, rows, idColumn, labelColumn, ran.elapsed());
    }

    private static Result read(final Path output, final List<RecordedRequests.Row> rows, final int idColumn, final int labelColumn,
            final Duration elapsed) {
        Map<String, NamedCsvRecord> byId = new HashMap<>();
        List<NamedCsvRecord> byPosition = new ArrayList<>();
        boolean hasId;
        boolean latencyPerRow;
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(output)) {
            List<String> header = null;
            for (NamedCsvRecord record : reader) {
                header = record.getHeader();
                byPosition.add(record);
                if (record.getHeader().contains("id")) {
                    byId.put(record.getField("id"), record);
                }
            }
            hasId = idColumn >= 0 && header != null && header.contains("id");
            latencyPerRow = header != null && header.contains("latency_ms");
        }
        catch (IOException | CsvParseException | java.util.NoSuchElementException e) {
            return failed(rows, labelColumn, elapsed, output + " is not a predictions CSV: " + e.getMessage());
        }
        List<Answer> answers = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            RecordedRequests.Row row = rows.get(i);
            NamedCsvRecord record = hasId ? byId.get(row.fields().get(idColumn)) : i < byPosition.size() ? byPosition.get(i) : null;
            Integer label = labelColumn >= 0 ? binary(row.fields().get(labelColumn)) : null;
            if (record == null) {
                answers.add(new Answer(label, null, null, null));
                continue;
            }
            if (label == null) {
                label = binary(record.findField("label").orElse(""));
            }
            answers.add(new Answer(label, binary(record.findField("prediction").orElse("")),
                    probability(record.findField("probability").orElse("")), number(record.findField("latency_ms").orElse(""))));
        }
        return new Result(answers, elapsed, latencyPerRow, null);
    }

    private static Result failed(final List<RecordedRequests.Row> rows, final int labelColumn, final Duration elapsed, final String failure) {
        List<Answer> answers = new ArrayList<>(rows.size());
        for (RecordedRequests.Row row : rows) {
            answers.add(new Answer(labelColumn >= 0 ? binary(row.fields().get(labelColumn)) : null, null, null, null));
        }
        return new Result(answers, elapsed, false, failure);
    }

    private static void write(final Path file, final List<String> header, final List<RecordedRequests.Row> rows) {
        try (CsvWriter writer = CsvWriter.builder().build(file)) {
            writer.writeRecord(header);
            for (RecordedRequests.Row row : rows) {
                writer.writeRecord(row.fields());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Integer binary(final String text) {
        Double value = number(text);
        if (value == null) {
            return null;
        }
        return value == 0 ? Integer.valueOf(0) : value == 1 ? Integer.valueOf(1) : null;
    }

    private static Double probability(final String text) {
        Double value = number(text);
        return value != null && value >= 0 && value <= 1 ? value : null;
    }

    private static Double number(final String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
