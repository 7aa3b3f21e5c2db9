package io.jenkins.plugins.mldelivery.core.table;

import java.nio.file.Path;
import java.util.List;

/**
 * A table that the profile and validate steps read once, in chunks, whatever its format (CSV, Parquet,
 * JSON Lines): named columns, a type for each, and a scan whose chunk summaries are merged in a fixed
 * order so the result does not depend on the thread count.
 */
public interface DataTable {
    /**
     * Returns the file or directory the table was opened from.
     *
     * @return the path
     */
    Path path();

    /**
     * Returns the names of the columns that are read, in table order.
     *
     * @return the names
     */
    List<String> columns();

    /**
     * Returns the columns that are present but not read (nested Parquet columns, JSON objects and
     * arrays), each with the reason, in table order.
     *
     * @return "name (reason)" for each column left out
     */
    default List<String> notProfiled() {
        return List.of();
    }

    /**
     * Returns the type of each column: read from the file's own schema where it has one, else
     * inferred from the first chunk.
     *
     * @return the types, in column order
     */
    List<ColumnType> inferTypes();

    /**
     * Reads every record once and folds the chunks' summaries in table order.
     *
     * @param types   the type of each column, in column order
     * @param threads how many threads read chunks
     * @param work    what to compute per chunk and how to merge it
     * @param <R>     the type of the summaries
     * @return the merged summary
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException naming the file, row and column of the first problem
     */
    <R> R scan(List<ColumnType> types, int threads, ChunkWork<R> work);
}
