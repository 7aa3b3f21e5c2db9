package io.jenkins.plugins.mldelivery.core.table;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the fields a {@link RecordTokenizer} found, column by column: numbers and date-times are
 * parsed from the bytes, strings and booleans are looked up in the chunk's dictionaries (and checked
 * once per distinct value), missing values are recognised. A value that does not fit its column's
 * type fails the chunk. Not thread-safe: one decoder per chunk.
 */
final class ColumnDecoder {
    private final NumberParser numberParser = new NumberParser();
    private final DateTimeParser dateTimeParser = new DateTimeParser();
    private final Utf8 utf8 = new Utf8();
    private final MissingValues missing;
    private final byte quote;
    private byte[] scratch = new byte[256];
    private byte[] source;
    private int from;
    private int to;

    ColumnDecoder(final CsvFormat format) {
        this.missing = new MissingValues(format);
        this.quote = (byte) format.quote();
    }

    /**
     * Decodes every column of a batch.
     *
     * @param buf   the bytes the batch's field bounds point into
     * @param batch the batch
     * @throws ChunkFailure for the problem on the earliest row (then the leftmost column), whatever
     *                      the order columns are decoded in
     */
    void decode(final byte[] buf, final RecordBatch batch) {
        ChunkFailure first = null;
        for (int c = 0; c < batch.columns; c++) {
            batch.missingCount[c] = 0;
            batch.numberCount[c] = 0;
            batch.nonIntegerCount[c] = 0;
            try {
                switch (batch.types[c]) {
                    case INTEGER, DECIMAL -> decodeNumbers(buf, batch, c);
                    case DATETIME -> decodeDateTimes(buf, batch, c);
                    default -> decodeCategories(buf, batch, c);
                }
            }
            catch (ChunkFailure failure) {
                if (first == null || failure.lineOffset() < first.lineOffset()) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void field(final byte[] buf, final RecordBatch batch, final int column, final int record) {
        int index = record * batch.columns + column;
        from = batch.fieldStart[index];
        int end = batch.fieldEnd[index];
        if (end >= 0) {
            source = buf;
            to = end;
            return;
        }
        // a quoted field with doubled quotes: copy it without the second quote of each pair
        end = -end - 1;
        if (scratch.length < end - from) {
            scratch = new byte[Math.max(scratch.length * 2, end - from)];
        }
        int out = 0;
        for (int p = from; p < end; p++) {
            scratch[out++] = buf[p];
            if (buf[p] == quote) {
                p++;
            }
        }
        source = scratch;
        from = 0;
        to = out;
    }

    private void decodeNumbers(final byte[] buf, final RecordBatch batch, final int c) {
        double[] values = batch.numbers[c];
        int[] records = batch.numberRecords[c];
        int[] missingRecords = batch.missingRecords[c];
        boolean integer = batch.types[c] == ColumnType.INTEGER;
        int count = 0;
        int missingCount = 0;
        for (int r = 0; r < batch.size; r++) {
            field(buf, batch, c, r);
            // parse first: a number is never a missing spelling unless it fails to parse (NaN aside)
            double value = from == to ? Double.NaN : numberParser.parse(source, from, to);
            if (from == to || !numberParser.valid()) {
                if (missing.isMissing(source, from, to)) {
                    missingRecords[missingCount++] = r;
                    continue;
                }
                throw mismatch(batch, c, r, "a number");
            }
            if (Double.isNaN(value)) {
                missingRecords[missingCount++] = r;
                continue;
            }
            if (integer && value != Math.rint(value) && !Double.isInfinite(value)) {
                batch.nonIntegerRecords[c][batch.nonIntegerCount[c]++] = r;
            }
            values[count] = value;
            records[count++] = r;
        }
        batch.numberCount[c] = count;
        batch.missingCount[c] = missingCount;
    }

    private void decodeDateTimes(final byte[] buf, final RecordBatch batch, final int c) {
        double[] values = batch.numbers[c];
        int[] records = batch.numberRecords[c];
        int[] missingRecords = batch.missingRecords[c];
        int count = 0;
        int missingCount = 0;
        for (int r = 0; r < batch.size; r++) {
            field(buf, batch, c, r);
            if (missing.isMissing(source, from, to)) {
                missingRecords[missingCount++] = r;
                continue;
            }
            double value = dateTimeParser.parse(source, from, to);
            if (!dateTimeParser.valid()) {
                throw mismatch(batch, c, r, "an ISO-8601 date or date-time such as 2024-03-01 or 2024-03-01T12:30:00Z");
            }
            values[count] = value;
            records[count++] = r;
        }
        batch.numberCount[c] = count;
        batch.missingCount[c] = missingCount;
    }

    private void decodeCategories(final byte[] buf, final RecordBatch batch, final int c) {
        int[] ids = batch.ids[c];
        int[] missingRecords = batch.missingRecords[c];
        ByteDictionary dictionary = batch.dictionaries[c];
        boolean booleans = batch.types[c] == ColumnType.BOOLEAN;
        int missingCount = 0;
        for (int r = 0; r < batch.size; r++) {
            field(buf, batch, c, r);
            int known = dictionary.size();
            int id = dictionary.idOf(source, from, to);
            if (id == ByteDictionary.FULL) {
                if (missing.isMissing(source, from, to)) {
                    ids[r] = RecordBatch.MISSING;
                    missingRecords[missingCount++] = r;
                    continue;
                }
                ids[r] = RecordBatch.UNLISTED;
                batch.unlisted[c][r] = checked(batch, c, r, booleans, decodeOrFail(batch, c, r));
                continue;
            }
            if (id == known) {
                // a new distinct value: decide once whether it spells a missing value, and check it
                boolean isMissing = missing.isMissing(source, from, to);
                dictionary.markMissing(id, isMissing);
                if (!isMissing) {
                    checked(batch, c, r, booleans, dictionary.value(id, utf8Checked(batch, c, r)));
                }
            }
            if (dictionary.isMissing(id)) {
                ids[r] = RecordBatch.MISSING;
                missingRecords[missingCount++] = r;
                continue;
            }
            ids[r] = id;
        }
        batch.missingCount[c] = missingCount;
    }

    private Utf8 utf8Checked(final RecordBatch batch, final int c, final int r) {
        if (!utf8.isValid(source, from, to)) {
            throw new ChunkFailure(batch.lines[r], c, "invalid UTF-8: the file must be UTF-8 encoded");
        }
        return utf8;
    }

    private String decodeOrFail(final RecordBatch batch, final int c, final int r) {
        try {
            return utf8.decode(source, from, to);
        }
        catch (Utf8.InvalidUtf8Exception e) {
            throw new ChunkFailure(batch.lines[r], c, "invalid UTF-8: the file must be UTF-8 encoded");
        }
    }

    private String checked(final RecordBatch batch, final int c, final int r, final boolean booleans, final String value) {
        if (booleans && !isBoolean(value)) {
            throw mismatch(batch, c, r, "a boolean (true/false, yes/no, t/f, y/n in any case)");
        }
        return value;
    }

    static boolean isBoolean(final String value) {
        return ColumnType.booleanValue(value) != null;
    }

    private ChunkFailure mismatch(final RecordBatch batch, final int c, final int r, final String expected) {
        if (!utf8.isValid(source, from, to)) {
            return new ChunkFailure(batch.lines[r], c, "invalid UTF-8: the file must be UTF-8 encoded");
        }
        String text = new String(source, from, to - from, StandardCharsets.UTF_8);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return new ChunkFailure(batch.lines[r], c, "expected " + expected + " (column type " + batch.types[c]
                + "), found '" + text + "'", true);
    }
}
