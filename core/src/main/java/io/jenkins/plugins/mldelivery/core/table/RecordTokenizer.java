package io.jenkins.plugins.mldelivery.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the records and fields of CSV bytes (RFC 4180: quoted fields may hold delimiters, doubled
 * quotes and line breaks; records end with LF or CRLF) without copying or decoding anything: it
 * fills a {@link RecordBatch} with field bounds. Blank lines are skipped unless the table has a
 * single column. Not thread-safe: one tokenizer per chunk.
 */
final class RecordTokenizer {
    /** {@link #tokenize} stopped because the batch is full; call it again. */
    static final int BATCH_FULL = 0;
    /** The chunk is complete: a record ended past the chunk's nominal end, or the file ended. */
    static final int CHUNK_DONE = 1;
    /** No complete record fits in the bytes given and the file goes on: read more and call again. */
    static final int NEED_MORE = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = '\n' * ONES;

    private final int columns;
    private final long delimiters;
    private final byte delimiter;
    private final byte quote;
    private int line;
    private int position;

    RecordTokenizer(final int columns, final CsvFormat format) {
        this.columns = columns;
        this.delimiter = (byte) format.delimiter();
        this.delimiters = (format.delimiter() & 0xFF) * ONES;
        this.quote = (byte) format.quote();
    }

    /**
     * Finds the end of an unquoted field: the first delimiter or line feed, eight bytes at a time
     * (a byte equals c where (x - 0x01..) & ~x & 0x80.. is set for x = word ^ c repeated; the lowest
     * such byte is always a true match).
     */
    private int fieldEnd(final byte[] buf, final int from, final int limit) {
        int p = from;
        while (p + 8 <= limit) {
            long word = (long) LONGS.get(buf, p);
            long d = word ^ delimiters;
            long n = word ^ LINE_FEEDS;
            long found = ((d - ONES) & ~d | (n - ONES) & ~n) & HIGHS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += 8;
        }
        while (p < limit && buf[p] != delimiter && buf[p] != '\n') {
            p++;
        }
        return p;
    }

    /** Returns the line offset, within the chunk, of the next record to read. */
    int line() {
        return line;
    }

    /** Returns the position after the last complete record read. */
    int position() {
        return position;
    }

    /**
     * Reads records into the batch, starting at {@code from}, until the batch is full, a record
     * ends after {@code stopAfter}, or the bytes run out.
     *
     * @param buf       the bytes
     * @param from      where the next record starts
     * @param limit     one past the last byte available
     * @param endOfFile whether {@code limit} is the end of the file
     * @param stopAfter the chunk's nominal end: the chunk ends with the first record ending past it
     * @param batch     the batch to fill (its size is reset)
     * @return {@link #BATCH_FULL}, {@link #CHUNK_DONE} or {@link #NEED_MORE}
     */
    int tokenize(final byte[] buf, final int from, final int limit, final boolean endOfFile, final long stopAfter,
            final RecordBatch batch) {
        batch.size = 0;
        int p = from;
        position = from;
        while (true) {
            if (p >= limit) {
                return endOfFile ? CHUNK_DONE : (batch.size == 0 ? NEED_MORE : BATCH_FULL);
            }
            int next = record(buf, p, limit, endOfFile, batch);
            if (next < 0) {
                return batch.size == 0 ? NEED_MORE : BATCH_FULL;
            }
            p = next;
            position = p;
            if (p > stopAfter || (p >= limit && endOfFile)) {
                return CHUNK_DONE;
            }
            if (batch.size == RecordBatch.CAPACITY) {
                return BATCH_FULL;
            }
        }
    }

    /** Reads one record at {@code start}; returns the position after it, or -1 if it does not end before {@code limit}. */
    private int record(final byte[] buf, final int start, final int limit, final boolean endOfFile, final RecordBatch batch) {
        int record = batch.size;
        int recordLine = line;
        int linesInside = 0;
        int p = start;
        int field = 0;
        boolean blank = false;
        int[] starts = batch.fieldStart;
        int base = record * columns;
        int[] ends = batch.fieldEnd;
        while (true) {
            int fieldStart;
            int fieldEnd;
            int terminator;
            if (p < limit && buf[p] == quote) {
                p++;
                fieldStart = p;
                boolean doubled = false;
                while (true) {
                    if (p >= limit) {
                        if (endOfFile) {
                            throw new ChunkFailure(recordLine, Math.min(field, columns - 1),
                                    "unterminated quote: the quoted field never closes before the end of the file");
                        }
                        return -1;
                    }
                    byte b = buf[p];
                    if (b == quote) {
                        if (p + 1 >= limit && !endOfFile) {
                            return -1;
                        }
                        if (p + 1 < limit && buf[p + 1] == quote) {
                            doubled = true;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    if (b == '\n') {
                        linesInside++;
                    }
                    p++;
                }
                fieldEnd = doubled ? -p - 1 : p;
                p++;
                if (p < limit) {
                    terminator = buf[p];
                    if (terminator == '\r') {
                        if (p + 1 >= limit && !endOfFile) {
                            return -1;
                        }
                        if (p + 1 < limit && buf[p + 1] == '\n') {
                            p++;
                            terminator = '\n';
                        }
                    }
                    if (terminator != delimiter && terminator != '\n' && !(terminator == '\r' && p + 1 >= limit)) {
                        throw new ChunkFailure(recordLine + linesInside, Math.min(field, columns - 1),
                                "unexpected character '" + (char) (terminator & 0xFF) + "' after a closing quote; "
                                        + "a quote inside a quoted field must be doubled");
                    }
                }
                else if (!endOfFile) {
                    return -1;
                }
                else {
                    terminator = '\n';
                }
            }
            else {
                fieldStart = p;
                p = fieldEnd(buf, p, limit);
                byte b = p < limit ? buf[p] : 0;
                fieldEnd = p;
                if (p >= limit) {
                    if (!endOfFile) {
                        return -1;
                    }
                    terminator = '\n';
                }
                else {
                    terminator = b;
                }
                if (terminator == '\n') {
                    if (fieldEnd > fieldStart && buf[fieldEnd - 1] == '\r') {
                        fieldEnd--;
                    }
                    blank = field == 0 && fieldEnd == fieldStart;
                }
            }
            if (field < columns) {
                starts[base + field] = fieldStart;
                ends[base + field] = fieldEnd;
            }
            field++;
            if (terminator == delimiter) {
                p++;
                continue;
            }
            if (p < limit) {
                p++; // the line feed
            }
            line += 1 + linesInside;
            break;
        }
        if (blank && field == 1 && columns > 1) {
            return p; // a blank line: skipped, but counted as a line
        }
        if (field != columns) {
            throw new ChunkFailure(recordLine, -1, "expected " + columns + " fields as in the header, found " + field
                    + " (a ragged row; quote fields that contain the delimiter)");
        }
        batch.lines[record] = recordLine;
        batch.size++;
        return p;
    }
}
