package io.jenkins.plugins.mldelivery.core.table;

/**
 * What a scan computes: one processor per chunk (chunks may run on any thread, in any order) and a
 * merge that folds the chunks' summaries in file order, so the result does not depend on the thread
 * count.
 *
 * @param <R> the type of the summaries
 */
public interface ChunkWork<R> {
    /**
     * Creates the processor of one chunk.
     *
     * @param chunkIndex the chunk's index in the file, from 0; use it (not the thread) to seed anything random
     * @return a new processor
     */
    ChunkProcessor<R> newProcessor(int chunkIndex);

    /**
     * Folds the summary of the next chunk into the summary of the chunks before it.
     *
     * @param accumulated the summary so far, or {@code null} for the first chunk
     * @param chunk       the next chunk's summary
     * @param firstLine   the absolute line number (header = 1) of the chunk's first line, to turn
     *                    {@link RecordBatch#line(int)} offsets into row numbers
     * @return the summary of all chunks so far
     */
    R merge(R accumulated, R chunk, long firstLine);
}
