package io.jenkins.plugins.mldelivery.core.table;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * How a CSV file is written: its delimiter, its quote character and the spellings of a missing
 * value. The first record is always the header; records end with LF or CRLF; the file is UTF-8,
 * with or without a byte-order mark (RFC 4180, with a configurable delimiter and quote).
 *
 * @param delimiter the field delimiter, one ASCII character, or {@link #DETECT} (the default) to
 *                  detect it from the file (see {@link DelimiterDetection})
 * @param quote     the quote character, one ASCII character (default {@code "}); inside a quoted
 *                  field it is escaped by doubling it
 * @param missing   the spellings of a missing value, compared with the field's content exactly
 *                  (default: the empty field, {@code NA}, {@code N/A}, {@code null}, {@code NaN})
 */
@JsonPropertyOrder({"delimiter", "quote", "missing"})
public record CsvFormat(char delimiter, char quote, List<String> missing) {
    /** The missing-value spellings used unless told otherwise. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "N/A", "null", "NaN");
    /** The delimiter that means: detect it from the file's header and first records. */
    public static final char DETECT = '\0';

    /** Checks that delimiter and quote are distinct ASCII characters other than CR and LF. */
    public CsvFormat {
        if (delimiter != DETECT) {
            checkAscii("delimiter", delimiter);
        }
        checkAscii("quote", quote);
        if (delimiter == quote) {
            throw new IllegalArgumentException("the delimiter and the quote must differ, both are '" + delimiter + "'");
        }
        missing = List.copyOf(Objects.requireNonNull(missing, "missing"));
    }

    private static void checkAscii(final String what, final char c) {
        if (c == 0 || c > 127 || c == '\n' || c == '\r') {
            throw new IllegalArgumentException("the " + what + " must be one ASCII character other than CR and LF, found '"
                    + c + "' (U+" + String.format("%04X", (int) c) + ")");
        }
    }

    /**
     * Returns the default format: the delimiter detected from the file, double quote, the default
     * missing spellings.
     *
     * @return the format
     */
    public static CsvFormat defaults() {
        return new CsvFormat(DETECT, '"', DEFAULT_MISSING);
    }

    /**
     * Returns whether the delimiter is detected from the file rather than given.
     *
     * @return {@code true} when the delimiter is {@link #DETECT}
     */
    public boolean detectsDelimiter() {
        return delimiter == DETECT;
    }

    /**
     * Returns this format with another delimiter.
     *
     * @param newDelimiter the delimiter, e.g. {@code ';'} or {@code '\t'}
     * @return the format
     */
    public CsvFormat withDelimiter(final char newDelimiter) {
        return new CsvFormat(newDelimiter, quote, missing);
    }

    /**
     * Returns this format with another quote character.
     *
     * @param newQuote the quote character
     * @return the format
     */
    public CsvFormat withQuote(final char newQuote) {
        return new CsvFormat(delimiter, newQuote, missing);
    }

    /**
     * Returns this format with other missing-value spellings.
     *
     * @param spellings the spellings
     * @return the format
     */
    public CsvFormat withMissing(final List<String> spellings) {
        return new CsvFormat(delimiter, quote, spellings);
    }

    byte[][] missingBytes() {
        return missing.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }
}
