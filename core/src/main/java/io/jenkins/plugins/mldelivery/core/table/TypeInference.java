package io.jenkins.plugins.mldelivery.core.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers column types from a sample of records: a column is an integer column when every
 * non-missing value is a whole number written without a fraction or exponent, a decimal column when
 * every one is a number, a date-time column when every one is an ISO-8601 date or date-time, a
 * boolean column when every one is a boolean spelling, and a string column otherwise (also when all
 * its values are missing).
 */
final class TypeInference {
    private static final int MARGIN = 1 << 16;

    private TypeInference() {
        // static entry point only
    }

    static List<ColumnType> infer(final CsvTable table, final ChunkBuffer buffer, final long from, final long to) {
        int columns = table.columns().size();
        ColumnType[] asText = new ColumnType[columns];
        java.util.Arrays.fill(asText, ColumnType.STRING);
        ByteDictionary[] dictionaries = new ByteDictionary[columns];
        for (int c = 0; c < columns; c++) {
            dictionaries[c] = new ByteDictionary();
        }
        RecordBatch batch = new RecordBatch(asText, dictionaries);
        RecordTokenizer tokenizer = new RecordTokenizer(columns, table.format());
        MissingValues missing = new MissingValues(table.format());
        NumberParser numbers = new NumberParser();
        DateTimeParser dates = new DateTimeParser();
        Utf8 utf8 = new Utf8();
        boolean[] integer = filled(columns);
        boolean[] decimal = filled(columns);
        boolean[] dateTime = filled(columns);
        boolean[] bool = filled(columns);
        boolean[] present = new boolean[columns];
        buffer.load(from, (int) Math.min(Integer.MAX_VALUE - 16, to - from + MARGIN));
        int position = 0;
        while (true) {
            int status = tokenizer.tokenize(buffer.bytes(), position, buffer.length(), buffer.reachesEndOfFile(),
                    to - buffer.filePosition(), batch);
            if (status == RecordTokenizer.NEED_MORE) {
                position -= buffer.slide(position, CsvTable.moreForRecord(buffer.length() - position,
                        Math.max(MARGIN, buffer.bytes().length / 2), tokenizer));
                continue;
            }
            byte[] buf = buffer.bytes();
            for (int c = 0; c < columns; c++) {
                for (int r = 0; r < batch.size; r++) {
                    int index = r * columns + c;
                    int start = batch.fieldStart[index];
                    int end = batch.fieldEnd[index];
                    if (end < 0) {
                        // doubled quotes: not a number, date or boolean
                        integer[c] = decimal[c] = dateTime[c] = bool[c] = false;
                        present[c] = true;
                        continue;
                    }
                    if (missing.isMissing(buf, start, end)) {
                        continue;
                    }
                    present[c] = true;
                    if (integer[c] || decimal[c]) {
                        numbers.parse(buf, start, end);
                        boolean isNumber = numbers.valid();
                        decimal[c] &= isNumber;
                        integer[c] &= isNumber && isPlainInteger(buf, start, end);
                    }
                    if (dateTime[c]) {
                        dates.parse(buf, start, end);
                        dateTime[c] = dates.valid();
                    }
                    if (bool[c]) {
                        bool[c] = utf8.isValid(buf, start, end) && isBoolean(dictionaries[c], buf, start, end, utf8);
                    }
                }
            }
            position = tokenizer.position();
            if (status == RecordTokenizer.CHUNK_DONE) {
                break;
            }
        }
        List<ColumnType> types = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            types.add(!present[c] ? ColumnType.STRING
                    : integer[c] ? ColumnType.INTEGER
                    : decimal[c] ? ColumnType.DECIMAL
                    : dateTime[c] ? ColumnType.DATETIME
                    : bool[c] ? ColumnType.BOOLEAN
                    : ColumnType.STRING);
        }
        return types;
    }

    private static boolean isBoolean(final ByteDictionary dictionary, final byte[] buf, final int start, final int end,
            final Utf8 utf8) {
        int id = dictionary.idOf(buf, start, end);
        return id != ByteDictionary.FULL && dictionary.size() <= 16 && ColumnDecoder.isBoolean(dictionary.value(id, utf8));
    }

    private static boolean isPlainInteger(final byte[] buf, final int start, final int end) {
        for (int p = start; p < end; p++) {
            byte b = buf[p];
            if (b == '.' || b == 'e' || b == 'E' || b == 'i' || b == 'I') {
                return false;
            }
        }
        return true;
    }

    private static boolean[] filled(final int n) {
        boolean[] flags = new boolean[n];
        java.util.Arrays.fill(flags, true);
        return flags;
    }
}
