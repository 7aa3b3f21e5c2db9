package io.jenkins.plugins.mldelivery.core.table;

import java.nio.channels.FileChannel;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads one chunk of a {@link CsvTable}: finds its start (given, or speculatively after the first
 * line feed past its nominal start), tokenizes and decodes its records batch by batch, and feeds
 * them to the chunk's processor. Safe to call from several threads at once; byte buffers are pooled.
 */
final class ChunkReader {
    private static final int MARGIN = 1 << 16;

    private final CsvTable table;
    private final FileChannel channel;
    private final ColumnType[] types;
    private final ChunkWork<?> work;
    private final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();
    /** A batch per thread, reused chunk after chunk: its arrays are the bulk of a chunk's garbage otherwise. */
    private final ThreadLocal<RecordBatch> batches;

    /**
     * What reading a chunk gave.
     *
     * @param start    the file offset the chunk started at
     * @param end      the file offset after its last record
     * @param lines    how many lines it spans
     * @param records  how many records it holds
     * @param value    its summary
     * @param failure  the first problem found, or {@code null}
     * @param <R>      the type of the summary
     */
    record Outcome<R>(long start, long end, int lines, long records, R value, ChunkFailure failure) {
    }

    ChunkReader(final CsvTable table, final FileChannel channel, final ColumnType[] types, final ChunkWork<?> work) {
        this.table = table;
        this.channel = channel;
        this.types = types;
        this.work = work;
        this.batches = ThreadLocal.withInitial(() -> new RecordBatch(types, new ByteDictionary[types.length]));
    }

    /**
     * Reads a chunk.
     *
     * @param index       the chunk's index
     * @param forcedStart where the chunk starts, or -1 to find it speculatively
     * @param <R>         the type of the summary
     * @return what the chunk gave
     */
    @SuppressWarnings("unchecked")
    <R> Outcome<R> read(final int index, final long forcedStart) {
        long dataStart = table.header().dataStart();
        long size = table.size();
        long nominalStart = dataStart + (long) index * table.chunkBytes();
        long nominalEnd = Math.min(size, nominalStart + table.chunkBytes());
        byte[] pooled = buffers.poll();
        ChunkBuffer buffer = new ChunkBuffer(table.file(), channel, size,
                pooled != null ? pooled : new byte[(int) Math.min(table.chunkBytes() + MARGIN, size - dataStart + MARGIN)]);
        ChunkProcessor<R> processor = (ChunkProcessor<R>) work.newProcessor(index);
        long start = forcedStart;
        try {
            if (start < 0) {
                start = index == 0 ? dataStart : speculativeStart(buffer, nominalStart);
            }
            if (start >= size || start > nominalEnd) {
                return new Outcome<>(start, start, 0, 0, processor.finish(), null);
            }
            int wanted = (int) Math.min(Integer.MAX_VALUE - 16, nominalEnd - start + MARGIN);
            if (buffer.length() > 0 && start >= buffer.filePosition() && start <= buffer.filePosition() + buffer.length()) {
                int keepFrom = (int) (start - buffer.filePosition());
                buffer.slide(keepFrom, Math.max(0, wanted - (buffer.length() - keepFrom)));
            }
            else {
                buffer.load(start, wanted);
            }
            return parse(buffer, start, nominalEnd, processor);
        }
        catch (ChunkFailure failure) {
            return new Outcome<>(start, -1, 0, 0, null, failure);
        }
        finally {
            buffers.offer(buffer.release());
        }
    }

    private long speculativeStart(final ChunkBuffer buffer, final long nominalStart) {
        buffer.load(nominalStart, table.chunkBytes() + MARGIN);
        int lineFeed = buffer.findLineFeed(0);
        return lineFeed < 0 ? table.size() : buffer.filePosition() + lineFeed + 1;
    }

    private <R> Outcome<R> parse(final ChunkBuffer buffer, final long start, final long nominalEnd,
            final ChunkProcessor<R> processor) {
        CsvFormat format = table.format();
        int columns = types.length;
        RecordBatch batch = batches.get();
        for (int c = 0; c < columns; c++) {
            batch.dictionaries[c] = types[c].isNumeric() ? null : new ByteDictionary();
        }
        RecordTokenizer tokenizer = new RecordTokenizer(columns, format);
        ColumnDecoder decoder = new ColumnDecoder(format);
        int position = 0;
        long records = 0;
        while (true) {
            long stopAfter = nominalEnd - buffer.filePosition();
            int status;
            try {
                status = tokenizer.tokenize(buffer.bytes(), position, buffer.length(), buffer.reachesEndOfFile(),
                        stopAfter, batch);
            }
            catch (ChunkFailure failure) {
                // the records before the malformed one may hold an earlier problem: that one is the file's first
                decoder.decode(buffer.bytes(), batch);
                throw failure;
            }
            if (status == RecordTokenizer.NEED_MORE) {
                position -= buffer.slide(position, CsvTable.moreForRecord(buffer.length() - position,
                        Math.max(MARGIN, buffer.bytes().length / 2), tokenizer));
                continue;
            }
            if (batch.size > 0) {
                decoder.decode(buffer.bytes(), batch);
                processor.accept(batch);
                records += batch.size;
            }
            position = tokenizer.position();
            if (status == RecordTokenizer.CHUNK_DONE) {
                break;
            }
        }
        return new Outcome<>(start, buffer.filePosition() + position, tokenizer.line(), records, processor.finish(), null);
    }
}
