package io.jenkins.plugins.mldelivery.core.table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Detects a CSV file's delimiter from its header and first records, as Python's {@code csv.Sniffer}
 * and R's {@code data.table::fread} do: of comma, tab, semicolon and pipe, the one that splits the
 * header into at least two fields and every sampled record into as many as the header (the most
 * fields wins; ties go to the earlier in that order). A {@code .tsv} file is tab-separated without
 * looking. When no candidate is consistent, the one that splits the header into the most fields
 * is used, so that the reader's error names the ragged row; a header no candidate splits is one
 * column (comma).
 *
 * @param delimiter the delimiter
 * @param reason    how it was chosen, for people: {@code "detected"}, {@code ".tsv file"} or {@code "given"}
 */
public record DelimiterDetection(char delimiter, String reason) {
    /** The delimiters considered, in order of preference. */
    public static final List<Character> CANDIDATES = List.of(',', '\t', ';', '|');
    /** The most records after the header that are looked at. */
    static final int SAMPLE_RECORDS = 50;

    /**
     * Returns the delimiter's name for messages: {@code comma}, {@code tab}, {@code semicolon},
     * {@code pipe} or the character quoted.
     *
     * @return the name
     */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    /**
     * Returns a sentence for people, e.g. {@code "tab-separated (detected; --delimiter to override)"}.
     *
     * @return the sentence
     */
    public String describe() {
        return delimiterName() + "-separated (" + reason + ("given".equals(reason) ? ")" : "; --delimiter to override)");
    }

    /**
     * Chooses the delimiter of a file from its first bytes.
     *
     * @param file      the file (its name says {@code .tsv})
     * @param buf       the file's first bytes
     * @param limit     how many are valid
     * @param endOfFile whether they are the whole file
     * @param format    the format; its delimiter is used as given unless it is {@link CsvFormat#DETECT}
     * @return the delimiter and how it was chosen
     */
    static DelimiterDetection detect(final Path file, final byte[] buf, final int limit, final boolean endOfFile,
            final CsvFormat format) {
        if (!format.detectsDelimiter()) {
            return new DelimiterDetection(format.delimiter(), "given");
        }
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            return new DelimiterDetection('\t', ".tsv file");
        }
        int candidates = CANDIDATES.size();
        int[] header = new int[candidates];
        boolean[] consistent = new boolean[candidates];
        Arrays.fill(consistent, true);
        int[] fields = new int[candidates];
        Arrays.fill(fields, 1);
        byte quote = (byte) format.quote();
        boolean quoted = false;
        boolean blank = true;
        int records = -1; // the header is record -1
        for (int p = 0; p < limit && records < SAMPLE_RECORDS; p++) {
            byte b = buf[p];
            if (b == quote) {
                quoted = !quoted; // a doubled quote toggles twice
                blank = false;
                continue;
            }
            if (quoted) {
                continue;
            }
            if (b == '\n') {
                if (!blank) {
                    endRecord(records, header, fields, consistent);
                    records++;
                }
                Arrays.fill(fields, 1);
                blank = true;
                continue;
            }
            if (b != '\r') {
                blank = false;
            }
            for (int c = 0; c < candidates; c++) {
                if (b == CANDIDATES.get(c)) {
                    fields[c]++;
                }
            }
        }
        if (!blank && (records < 0 || endOfFile && records < SAMPLE_RECORDS)) {
            endRecord(records, header, fields, consistent); // the last record has no line end, or the header is long
        }
        int best = -1;
        for (int c = 0; c < candidates; c++) {
            if (consistent[c] && header[c] >= 2 && (best < 0 || header[c] > header[best])) {
                best = c;
            }
        }
        if (best < 0) {
            for (int c = 0; c < candidates; c++) {
                if (header[c] >= 2 && (best < 0 || header[c] > header[best])) {
                    best = c;
                }
            }
        }
        return new DelimiterDetection(best < 0 ? ',' : CANDIDATES.get(best), "detected");
    }

    private static void endRecord(final int record, final int[] header, final int[] fields, final boolean[] consistent) {
        for (int c = 0; c < fields.length; c++) {
            if (record < 0) {
                header[c] = fields[c];
            }
            else if (fields[c] != header[c]) {
                consistent[c] = false;
            }
        }
    }
}
