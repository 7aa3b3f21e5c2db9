package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file read in chunks on several threads, with a result that does not depend on the thread
 * count. The data is cut into chunks of {@link #DEFAULT_CHUNK_BYTES} nominal bytes; a chunk ends
 * with the first record that ends past its nominal end, a rule that only depends on the file. A
 * chunk other than the first starts, speculatively, after the first line feed past its nominal
 * start; if that line feed was inside a quoted field, the previous chunk's true end says so and the
 * chunk is parsed again from there. Summaries are merged strictly in chunk order.
 */
public final class CsvTable {
    /** The nominal size of a chunk. */
    public static final int DEFAULT_CHUNK_BYTES = 8 << 20;
    /**
     * The longest record read, in bytes: a longer one is refused rather than buffered whole (a
     * runaway quote or a blob would otherwise exhaust the memory on every thread at once).
     */
    public static final int MAX_RECORD_BYTES = 16 << 20;
    private static final int MARGIN = 1 << 16;

    private final Path file;
    private final CsvFormat format;
    private final DelimiterDetection delimiter;
    private final CsvHeader header;
    private final long size;
    private final int chunkBytes;

    private CsvTable(final Path file, final DelimiterDetection delimiter, final CsvFormat format, final CsvHeader header,
            final long size, final int chunkBytes) {
        this.file = file;
        this.delimiter = delimiter;
        this.format = format;
        this.header = header;
        this.size = size;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Opens a CSV file and reads its header.
     *
     * @param file   the file
     * @param format its format; with {@link CsvFormat#DETECT} as its delimiter the delimiter is
     *               detected (see {@link DelimiterDetection})
     * @return the table
     * @throws BadInputException when the file is missing, not a regular file, empty, has a malformed
     *                           header, lines ending with CR only, or no data rows
     */
    public static CsvTable open(final Path file, final CsvFormat format) {
        return open(file, format, DEFAULT_CHUNK_BYTES);
    }

    /**
     * Opens a CSV file with a given chunk size (tests use small chunks to exercise chunk boundaries).
     *
     * @param file       the file
     * @param format     its format
     * @param chunkBytes the nominal chunk size in bytes
     * @return the table
     */
    public static CsvTable open(final Path file, final CsvFormat format, final int chunkBytes) {
        Objects.requireNonNull(format, "format");
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
        }
        try (FileChannel channel = openChannel(file)) {
            long size = channel.size();
            ChunkBuffer buffer = new ChunkBuffer(file, channel, size, new byte[MARGIN]);
            buffer.load(0, MARGIN);
            refuseCarriageReturnLines(file, buffer);
            DelimiterDetection delimiter = DelimiterDetection.detect(file, buffer.bytes(), buffer.length(),
                    buffer.reachesEndOfFile(), format);
            CsvFormat resolved = format.withDelimiter(delimiter.delimiter());
            CsvHeader header;
            while ((header = CsvHeader.parse(file, buffer.bytes(), buffer.length(), buffer.reachesEndOfFile(), resolved)) == null) {
                if (buffer.length() > MAX_RECORD_BYTES) {
                    throw BadInputException.at(file, 1, null, "the header is longer than " + (MAX_RECORD_BYTES >> 20)
                            + " MiB; is this a CSV file, or does a quote never close?");
                }
                buffer.slide(0, buffer.length());
            }
            if (header.dataStart() >= size) {
                throw BadInputException.at(file, 0, null, "has a header but no data rows");
            }
            return new CsvTable(file, delimiter, resolved, header, size, chunkBytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Lines that end with CR alone (classic Mac OS, some Excel exports) would read as one endless header. */
    private static void refuseCarriageReturnLines(final Path file, final ChunkBuffer buffer) {
        byte[] bytes = buffer.bytes();
        int length = buffer.length();
        for (int p = 0; p < length; p++) {
            if (bytes[p] == '\n') {
                return;
            }
            if (bytes[p] == '\r' && p + 1 < length && bytes[p + 1] != '\n') {
                throw BadInputException.at(file, 1, null, "its lines end with CR alone (old Mac OS style); ml-delivery reads "
                        + "LF or CRLF line ends: convert it, e.g. tr '\\r' '\\n' < IN > OUT");
            }
        }
    }

    static FileChannel openChannel(final Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + ": is a directory, expected a CSV file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new BadInputException(file + ": not a regular file (a pipe, /dev/stdin or a device); the data is read "
                        + "in parallel chunks, which needs a file: save the stream to a file first");
            }
            return FileChannel.open(file, StandardOpenOption.READ);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (AccessDeniedException e) {
            throw new BadInputException(file + ": permission denied");
        }
    }

    /**
     * Returns the file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the format the file is read with.
     *
     * @return the format
     */
    public CsvFormat format() {
        return format;
    }

    /**
     * Returns the delimiter the file is read with, and whether it was detected or given.
     *
     * @return the delimiter
     */
    public DelimiterDetection delimiter() {
        return delimiter;
    }

    /**
     * Returns the column names from the header.
     *
     * @return the names in file order
     */
    public List<String> columns() {
        return header.names();
    }

    /**
     * Returns the header.
     *
     * @return the header
     */
    public CsvHeader header() {
        return header;
    }

    /**
     * Infers the columns' types from the records of the first chunk (the first
     * {@link #DEFAULT_CHUNK_BYTES} bytes by default; the whole file when it is smaller).
     *
     * @return the inferred types, in column order
     */
    public List<ColumnType> inferTypes() {
        try (FileChannel channel = openChannel(file)) {
            ChunkBuffer buffer = new ChunkBuffer(file, channel, size, new byte[0]);
            return TypeInference.infer(this, buffer, header.dataStart(), Math.min(size, header.dataStart() + chunkBytes));
        }
        catch (ChunkFailure failure) {
            throw toBadInput(failure, header.lines() + 1L, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every record once and folds the chunks' summaries in file order.
     *
     * @param types   the type of each column, in column order
     * @param threads how many threads parse chunks (1 parses on the calling thread)
     * @param work    what to compute per chunk and how to merge it
     * @param <R>     the type of the summaries
     * @return the merged summary
     * @throws BadInputException naming the row and column of the first problem in the file
     */
    public <R> R scan(final List<ColumnType> types, final int threads, final ChunkWork<R> work) {
        if (types.size() != header.names().size()) {
            throw new IllegalArgumentException("expected " + header.names().size() + " column types, got " + types.size());
        }
        ColumnType[] typeArray = types.toArray(ColumnType[]::new);
        long dataBytes = size - header.dataStart();
        int chunks = (int) Math.max(1, (dataBytes + chunkBytes - 1) / chunkBytes);
        try (FileChannel channel = openChannel(file)) {
            ChunkReader reader = new ChunkReader(this, channel, typeArray, work);
            long expectedStart = header.dataStart();
            long line = header.lines() + 1L;
            long records = 0;
            R accumulated = null;
            try (ChunkPipeline<ChunkReader.Outcome<R>> pipeline = new ChunkPipeline<>(chunks, threads,
                    next -> reader.read(next, -1), "ml-delivery-csv")) {
                for (int index = 0; index < chunks; index++) {
                    ChunkReader.Outcome<R> outcome = pipeline.isParallel() ? pipeline.next() : reader.read(index, expectedStart);
                    if (outcome.start() != expectedStart) {
                        outcome = reader.read(index, expectedStart); // the speculative start was inside a quoted field
                    }
                    if (outcome.failure() != null) {
                        throw toBadInput(outcome.failure(), line, typeArray);
                    }
                    accumulated = work.merge(accumulated, outcome.value(), line);
                    line += outcome.lines();
                    records += outcome.records();
                    expectedStart = outcome.end();
                }
            }
            if (records == 0) {
                throw BadInputException.at(file, 0, null, "has a header but no data rows");
            }
            return accumulated;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    long size() {
        return size;
    }

    /**
     * Returns how many more bytes to read for a record that does not end in the buffer: as many as
     * wanted, but not past {@link #MAX_RECORD_BYTES}; fails the chunk when the record already holds that many.
     *
     * @param pending   how many bytes of the record are buffered
     * @param wanted    how many more bytes the reader would like
     * @param tokenizer the chunk's tokenizer, at the record
     * @return how many more bytes to read
     */
    static int moreForRecord(final int pending, final int wanted, final RecordTokenizer tokenizer) {
        if (pending > MAX_RECORD_BYTES) {
            throw new ChunkFailure(tokenizer.line(), -1, "a record longer than " + (MAX_RECORD_BYTES >> 20)
                    + " MiB (the most read); does a quote never close, or does a field hold a whole document?");
        }
        return Math.max(1, Math.min(wanted, MAX_RECORD_BYTES + 1 - pending));
    }

    int chunkBytes() {
        return chunkBytes;
    }

    private BadInputException toBadInput(final ChunkFailure failure, final long firstLine, final ColumnType[] types) {
        String column = failure.column() >= 0 ? header.names().get(failure.column()) : null;
        String message = failure.getMessage();
        if (failure.typeMismatch()) {
            message += "; declare the column's type in a schema (--schema) if the type is wrong";
        }
        return BadInputException.at(file, firstLine + failure.lineOffset(), column, message);
    }
}
