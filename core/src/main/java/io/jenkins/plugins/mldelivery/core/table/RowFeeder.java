package io.jenkins.plugins.mldelivery.core.table;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Feeds values that arrive row by row (from Spark's rows, for one) into a chunk's processor in
 * {@link RecordBatch}es, as the file readers do: numbers into the batch's arrays, strings and
 * booleans as ids of a dictionary that lives as long as the chunk. One feeder per chunk; not
 * thread-safe. Set each column of a row once (a column not set is missing), then call
 * {@link #endRow()}; call {@link #finish()} after the last row.
 *
 * @param <R> the type of the chunk's summary
 */
public final class RowFeeder<R> {
    private final RecordBatch batch;
    private final ChunkProcessor<R> processor;
    private final boolean[] set;
    private long rows;

    /**
     * Creates a feeder for one chunk.
     *
     * @param types     the column types
     * @param processor the chunk's processor
     */
    public RowFeeder(final List<ColumnType> types, final ChunkProcessor<R> processor) {
        ColumnType[] array = types.toArray(ColumnType[]::new);
        this.batch = new RecordBatch(array, new ByteDictionary[array.length]);
        this.processor = processor;
        this.set = new boolean[array.length];
        for (int c = 0; c < array.length; c++) {
            batch.dictionaries[c] = array[c].isNumeric() ? null : new ByteDictionary();
        }
        clear();
    }

    private void clear() {
        batch.size = 0;
        for (int c = 0; c < batch.columns; c++) {
            batch.numberCount[c] = 0;
            batch.missingCount[c] = 0;
            batch.nonIntegerCount[c] = 0;
        }
    }

    /**
     * Sets a numeric column of the current row (NaN is missing, as in the file readers).
     *
     * @param column the column's index
     * @param value  the value; date-times in seconds since the epoch
     */
    public void number(final int column, final double value) {
        set[column] = true;
        int r = batch.size;
        if (Double.isNaN(value)) {
            batch.missingRecords[column][batch.missingCount[column]++] = r;
            return;
        }
        if (batch.types[column] == ColumnType.INTEGER && value != Math.rint(value) && !Double.isInfinite(value)) {
            batch.nonIntegerRecords[column][batch.nonIntegerCount[column]++] = r;
        }
        batch.numbers[column][batch.numberCount[column]] = value;
        batch.numberRecords[column][batch.numberCount[column]++] = r;
    }

    /**
     * Sets a string or boolean column of the current row.
     *
     * @param column the column's index
     * @param value  the value
     */
    public void text(final int column, final String value) {
        set[column] = true;
        int r = batch.size;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ByteDictionary dictionary = batch.dictionaries[column];
        int id = dictionary.idOf(bytes, 0, bytes.length);
        if (id == ByteDictionary.FULL) {
            batch.ids[column][r] = RecordBatch.UNLISTED;
            batch.unlisted[column][r] = value;
            return;
        }
        batch.ids[column][r] = id;
    }

    /** Ends the current row: the columns not set are missing. */
    public void endRow() {
        int r = batch.size;
        for (int c = 0; c < batch.columns; c++) {
            if (!set[c]) {
                batch.missingRecords[c][batch.missingCount[c]++] = r;
                if (!batch.types[c].isNumeric()) {
                    batch.ids[c][r] = RecordBatch.MISSING;
                }
            }
            set[c] = false;
        }
        batch.lines[r] = (int) Math.min(Integer.MAX_VALUE, rows);
        rows++;
        batch.size++;
        if (batch.size == RecordBatch.CAPACITY) {
            processor.accept(batch);
            clear();
        }
    }

    /**
     * Hands over the last rows and returns the chunk's summary.
     *
     * @return the summary
     */
    public R finish() {
        if (batch.size > 0) {
            processor.accept(batch);
            clear();
        }
        return processor.finish();
    }

}
