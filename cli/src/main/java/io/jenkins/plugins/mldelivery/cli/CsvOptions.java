package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/**
 * The options that say how CSV files are written and how many threads read them, shared by
 * {@code profile} and {@code validate}.
 */
public final class CsvOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "The field delimiter: one character, or tab, comma, semicolon, pipe (default: ${DEFAULT-VALUE}).")
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
            CsvFormat format = CsvFormat.defaults().withDelimiter(character("--delimiter", delimiter))
                    .withQuote(character("--quote", quote));
            return missing == null ? format : format.withMissing(missing);
        }
        catch (IllegalArgumentException e) {
            throw new BadInputException("--delimiter/--quote: " + e.getMessage(), e);
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
