package io.jenkins.plugins.mldelivery.core.table;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Reads the numbered chunks of one file on a pool of daemon threads, at most {@code threads + 1}
 * chunks ahead, and hands their outcomes over in chunk order, so that merges happen in file order
 * (what keeps profiles deterministic) while memory holds a bounded window of chunks. With one thread
 * or one chunk it starts no pool and reads each chunk when it is asked for.
 *
 * @param <T> the outcome of reading one chunk
 */
final class ChunkPipeline<T> implements AutoCloseable {
    private final int chunks;
    private final int ahead;
    private final IntFunction<T> read;
    private final ExecutorService pool;
    private final Deque<Future<T>> window = new ArrayDeque<>();
    private int submitted;

    /**
     * Prepares the reading.
     *
     * @param chunks     how many chunks the file has
     * @param threads    how many threads may read at once
     * @param read       reads chunk {@code index}, on a pool thread
     * @param threadName the name of the pool's threads
     */
    ChunkPipeline(final int chunks, final int threads, final IntFunction<T> read, final String threadName) {
        this.chunks = chunks;
        this.ahead = threads + 1;
        this.read = read;
        this.pool = threads > 1 && chunks > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Returns whether chunks are read ahead on a pool (otherwise each is read when asked for, on the caller's thread). */
    boolean isParallel() {
        return pool != null;
    }

    /**
     * Returns the outcome of the next chunk in order.
     *
     * @return the outcome
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    T next() throws InterruptedException {
        if (pool == null) {
            return read.apply(submitted++);
        }
        while (submitted < chunks && window.size() < ahead) {
            int index = submitted++;
            window.add(pool.submit(() -> read.apply(index)));
        }
        try {
            return window.poll().get();
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
