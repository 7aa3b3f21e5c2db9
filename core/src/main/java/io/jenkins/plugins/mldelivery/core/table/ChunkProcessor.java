package io.jenkins.plugins.mldelivery.core.table;

/**
 * Consumes the batches of one chunk, in order, on one thread, and summarises them.
 *
 * @param <R> the type of the chunk's summary
 */
public interface ChunkProcessor<R> {
    /**
     * Consumes a batch; the batch is reused after this call returns.
     *
     * @param batch the next records of the chunk
     */
    void accept(RecordBatch batch);

    /**
     * Returns the summary of the chunk.
     *
     * @return the summary
     */
    R finish();
}
