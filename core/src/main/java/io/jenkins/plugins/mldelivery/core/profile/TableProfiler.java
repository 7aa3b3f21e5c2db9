package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.table.ChunkProcessor;
import io.jenkins.plugins.mldelivery.core.table.ChunkWork;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvTable;
import io.jenkins.plugins.mldelivery.core.table.DataTable;

import java.util.List;

/**
 * Profiles a table in one pass over its chunks, on as many threads as asked; the chunks'
 * profiles are merged in file order, so the profile is the same, bit for bit, with any thread count.
 */
public final class TableProfiler implements ChunkWork<DatasetProfile> {
    private final List<String> names;
    private final List<ColumnType> types;

    /**
     * Creates the work of profiling a table with the given column types.
     *
     * @param names the column names in file order
     * @param types the column types in file order
     */
    public TableProfiler(final List<String> names, final List<ColumnType> types) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
    }

    /**
     * Profiles a table.
     *
     * @param table   the table
     * @param types   the column types in file order
     * @param threads how many threads to use
     * @return the profile (without a source; add one with {@link DatasetProfile#withSource})
     */
    public static DatasetProfile profile(final DataTable table, final List<ColumnType> types, final int threads) {
        return table.scan(types, threads, new TableProfiler(table.columns(), types));
    }

    /**
     * Profiles a CSV table.
     *
     * @param table   the table
     * @param types   the column types in file order
     * @param threads how many threads to use
     * @return the profile (without a source; add one with {@link DatasetProfile#withSource})
     */
    public static DatasetProfile profile(final CsvTable table, final List<ColumnType> types, final int threads) {
        return table.scan(types, threads, new TableProfiler(table.columns(), types));
    }

    @Override
    public ChunkProcessor<DatasetProfile> newProcessor(final int chunkIndex) {
        return new ChunkProfiler(names, types, chunkIndex);
    }

    @Override
    public DatasetProfile merge(final DatasetProfile accumulated, final DatasetProfile chunk, final long firstLine) {
        return accumulated == null ? chunk : accumulated.merge(chunk);
    }
}
