package io.jenkins.plugins.mldelivery.core.canary.source;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The replay's recorded requests: a CSV with a header row, read in slices without loading the file.
 */
final class RecordedRequests {
    private final Path file;
    private List<String> header;
    private long rows = -1;

    RecordedRequests(final Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Returns the header, reading the file's first row once. */
    synchronized List<String> header() {
        if (header == null) {
            scan(0, 0, row -> { });
        }
        return header;
    }

    /** Counts the data rows once, streaming. */
    synchronized long rows() {
        if (rows < 0) {
            long[] count = {0};
            scan(0, Long.MAX_VALUE, row -> count[0]++);
            rows = count[0];
        }
        return rows;
    }

    /**
     * Checks that the file can be read and holds at least one request, reading only its first rows.
     *
     * @return a problem, such as {@code FILE: no such file}, or {@code null}
     */
    String problem() {
        if (!Files.isRegularFile(file)) {
            return Files.exists(file) ? file + ": not a file" : file + ": no such file";
        }
        long[] seen = {0};
        try {
            scan(0, 1, row -> seen[0]++);
        }
        catch (BadInputException e) {
            return e.getMessage();
        }
        return seen[0] == 0 ? file + ": no recorded request (a header and no row)" : null;
    }

    /** A recorded request: its 1-based data row number and its fields. */
    record Row(long number, List<String> fields) {
    }

    /**
     * Streams the data rows numbered {@code from + 1 … to} to the consumer.
     *
     * @param from the number of data rows to skip
     * @param to   the number of the last data row to read
     * @param rowConsumer receives each row
     */
    void scan(final long from, final long to, final Consumer<Row> rowConsumer) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            long number = 0;
            boolean first = true;
            for (CsvRecord record : reader) {
                if (first) {
                    header = List.copyOf(record.getFields());
                    first = false;
                    continue;
                }
                number++;
                if (number > to) {
                    return;
                }
                if (number > from) {
                    if (record.getFieldCount() != header.size()) {
                        throw BadInputException.at(file, record.getStartingLineNumber(), null,
                                "expected " + header.size() + " fields like the header, found " + record.getFieldCount());
                    }
                    rowConsumer.accept(new Row(number, new ArrayList<>(record.getFields())));
                }
            }
            if (first) {
                throw new BadInputException(file + ": the recorded requests are empty (expected a header row and requests)");
            }
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file (the replay's recorded requests)");
        }
        catch (CsvParseException e) {
            throw new BadInputException(file + ": not valid CSV: " + e.getMessage());
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
