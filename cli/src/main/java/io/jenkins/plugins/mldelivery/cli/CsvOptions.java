package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.CsvTable;
import io.jenkins.plugins.mldelivery.core.table.DataTables;
import io.jenkins.plugins.mldelivery.core.table.DelimiterDetection;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options that say how CSV files are written and how many threads read them, shared by
 * {@code profile} and {@code validate}.
 */
public final class CsvOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "The field delimiter: one character, or tab, comma, semicolon, pipe (default: detected from the "
                    + "header and first records among comma, tab, semicolon and pipe; tab for a .tsv file).")
    private String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"",
            description = "The quote character; a quote inside a quoted field is doubled (default: ${DEFAULT-VALUE}).")
    private String quote;

    @Option(names = "--missing", paramLabel = "TEXT",
            description = "A spelling of a missing value; repeat for several. Replaces the defaults: the empty field, NA, N/A, null, NaN.")
    private List<String> missing;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many threads read the data (default: the number of cores). The result does not depend on it.")
    private Integer threads;

    /**
     * Returns the CSV format the options describe.
     *
     * @return the format
     * @throws BadInputException naming the option when a value is not one character
     */
    public CsvFormat format() {
        try {
            CsvFormat format = CsvFormat.defaults().withQuote(character("--quote", quote));
            if (delimiter != null) {
                format = format.withDelimiter(character("--delimiter", delimiter));
            }
            return missing == null ? format : format.withMissing(missing);
        }
        catch (IllegalArgumentException e) {
            throw new BadInputException("--delimiter/--quote: " + e.getMessage(), e);
        }
    }

    /**
     * Says which delimiter a CSV file is read with, when it was detected rather than given and is not
     * the comma everyone expects; said after the step ran, so that an error stays the only line.
     *
     * @param file the CSV file, or a profile (nothing to say), or {@code null}
     * @return the line to print, or nothing
     */
    public Optional<String> delimiterOf(final Path file) {
        if (delimiter != null || file == null || file.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return Optional.empty();
        }
        try {
            if (DataTables.formatOf(file) != DataTables.Format.CSV) {
                return Optional.empty(); // Parquet and JSON Lines have no delimiter
            }
            DelimiterDetection detected = CsvTable.open(file, format()).delimiter();
            return detected.delimiter() == ',' ? Optional.empty() : Optional.of(file + ": " + detected.describe());
        }
        catch (BadInputException e) {
            return Optional.empty(); // reading the file reports it
        }
    }

    /**
     * Returns the thread count.
     *
     * @return the threads asked for, else the number of cores
     */
    public int threads() {
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be at least 1, found " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    private static char character(final String option, final String value) {
        String named = switch (value.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> "\t";
            case "comma" -> ",";
            case "semicolon" -> ";";
            case "pipe" -> "|";
            default -> value;
        };
        if (named.length() != 1) {
            throw new BadInputException(option + " must be one character (or tab, comma, semicolon, pipe), found '" + value + "'");
        }
        return named.charAt(0);
    }
}
