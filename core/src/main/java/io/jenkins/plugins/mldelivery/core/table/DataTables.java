package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens a table by what its bytes say rather than by its name: a directory is a Parquet dataset, a
 * file that starts with Parquet's magic {@code PAR1} is Parquet, a file whose first line is a JSON
 * object is JSON Lines, anything else is CSV. A file named {@code .parquet} or {@code .jsonl} that
 * is not what its name says is refused rather than read as CSV.
 */
public final class DataTables {
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    /** The formats a table can be read in. */
    public enum Format {
        /** Comma- (or otherwise) separated values with a header line. */
        CSV,
        /** Apache Parquet: one file or a directory of files, possibly hive-partitioned. */
        PARQUET,
        /** One flat JSON object per line. */
        JSON_LINES
    }

    private DataTables() {
        // static entry points only
    }

    /**
     * Opens a table.
     *
     * @param path a CSV, Parquet or JSON Lines file, or a directory of Parquet files
     * @param csv  how CSV files are written (ignored for the other formats)
     * @return the table
     * @throws BadInputException when the path is missing, unreadable or not what its name says
     */
    public static DataTable open(final Path path, final CsvFormat csv) {
        return switch (formatOf(path)) {
            case PARQUET -> ParquetTable.open(path);
            case JSON_LINES -> JsonLinesTable.open(path);
            case CSV -> new CsvDataTable(CsvTable.open(path, csv));
        };
    }

    /**
     * Tells a file's format from its first bytes (and a directory as Parquet).
     *
     * @param path the file or directory
     * @return its format
     * @throws BadInputException when the path is missing or unreadable, or its name promises a
     *                           format its content does not have
     */
    public static Format formatOf(final Path path) {
        if (Files.isDirectory(path)) {
            return Format.PARQUET;
        }
        byte[] head = head(path);
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), PARQUET_MAGIC)) {
            return Format.PARQUET;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            throw new BadInputException(path + ": not a Parquet file: it does not start with the magic bytes PAR1");
        }
        int first = 0;
        while (first < head.length && Character.isWhitespace(head[first])) {
            first++;
        }
        if (first < head.length && head[first] == '{') {
            return Format.JSON_LINES;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            throw new BadInputException(path + ": not JSON Lines: the first line is not a JSON object");
        }
        return Format.CSV;
    }

    private static byte[] head(final Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(256);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        }
        catch (AccessDeniedException e) {
            throw new BadInputException(path + ": permission denied");
        }
        catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }
}
