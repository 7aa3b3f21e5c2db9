package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header record of a CSV file: the column names, where the data starts and how many lines the
 * header takes.
 *
 * @param names     the column names, unique and non-empty
 * @param dataStart the byte offset of the first data record
 * @param lines     the number of lines the header takes (more than 1 when a quoted name holds a line break)
 */
public record CsvHeader(List<String> names, long dataStart, int lines) {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Copies the names. */
    public CsvHeader {
        names = List.copyOf(names);
    }

    /**
     * Parses the header at the start of a file's bytes.
     *
     * @param file      the file, for messages
     * @param buf       the first bytes of the file
     * @param limit     how many bytes are valid
     * @param endOfFile whether they are the whole file
     * @param format    the CSV format
     * @return the header, or {@code null} when more bytes are needed
     * @throws BadInputException when the file is empty, or the header is malformed or repeats a name
     */
    static CsvHeader parse(final Path file, final byte[] buf, final int limit, final boolean endOfFile, final CsvFormat format) {
        int p = limit >= 3 && java.util.Arrays.equals(buf, 0, 3, BOM, 0, 3) ? 3 : 0;
        if (p >= limit && endOfFile) {
            throw BadInputException.at(file, 0, null, "the file is empty; expected a header row with the column names");
        }
        byte delimiter = (byte) format.delimiter();
        byte quote = (byte) format.quote();
        List<byte[]> fields = new ArrayList<>();
        int lines = 1;
        while (true) {
            java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
            int terminator;
            if (p < limit && buf[p] == quote) {
                p++;
                while (true) {
                    if (p >= limit) {
                        if (endOfFile) {
                            throw BadInputException.at(file, 1, null, "unterminated quote in the header");
                        }
                        return null;
                    }
                    if (buf[p] == quote) {
                        if (p + 1 < limit && buf[p + 1] == quote) {
                            field.write(quote);
                            p += 2;
                            continue;
                        }
                        if (p + 1 >= limit && !endOfFile) {
                            return null;
                        }
                        p++;
                        break;
                    }
                    if (buf[p] == '\n') {
                        lines++;
                    }
                    field.write(buf[p++]);
                }
                if (p < limit && buf[p] == '\r' && p + 1 < limit && buf[p + 1] == '\n') {
                    p++;
                }
                terminator = p < limit ? buf[p] : '\n';
                if (terminator != delimiter && terminator != '\n') {
                    throw BadInputException.at(file, 1, null, "unexpected character after a closing quote in the header");
                }
            }
            else {
                int start = p;
                while (p < limit && buf[p] != delimiter && buf[p] != '\n') {
                    p++;
                }
                if (p >= limit && !endOfFile) {
                    return null;
                }
                int end = p;
                terminator = p < limit ? buf[p] : '\n';
                if (terminator == '\n' && end > start && buf[end - 1] == '\r') {
                    end--;
                }
                field.write(buf, start, end - start);
            }
            fields.add(field.toByteArray());
            if (p < limit) {
                p++;
            }
            if (terminator == '\n') {
                break;
            }
        }
        return new CsvHeader(names(file, fields), p, lines);
    }

    private static List<String> names(final Path file, final List<byte[]> fields) {
        Utf8 utf8 = new Utf8();
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            byte[] bytes = fields.get(i);
            String name;
            try {
                name = utf8.decode(bytes, 0, bytes.length).trim();
            }
            catch (Utf8.InvalidUtf8Exception e) {
                throw BadInputException.at(file, 1, null, "invalid UTF-8 in the name of column " + (i + 1)
                        + ": the file must be UTF-8 encoded");
            }
            if (name.isEmpty()) {
                if (fields.size() == 1) {
                    throw BadInputException.at(file, 1, null, "the header row is empty; expected the column names");
                }
                throw BadInputException.at(file, 1, null, "column " + (i + 1) + " has no name in the header"
                        + (i == 0 ? " (pandas writes one for its index: use to_csv(index=False))" : ""));
            }
            Integer previous = seen.putIfAbsent(name, i + 1);
            if (previous != null) {
                throw BadInputException.at(file, 1, name, "duplicate column name: columns " + previous + " and " + (i + 1)
                        + " are both called '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }
}
