package io.jenkins.plugins.mldelivery.core.table;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@link CsvTable} seen as a {@link DataTable}.
 */
final class CsvDataTable implements DataTable {
    private final CsvTable table;

    CsvDataTable(final CsvTable table) {
        this.table = table;
    }

    @Override
    public Path path() {
        return table.file();
    }

    @Override
    public List<String> columns() {
        return table.columns();
    }

    @Override
    public List<ColumnType> inferTypes() {
        return table.inferTypes();
    }

    @Override
    public <R> R scan(final List<ColumnType> types, final int threads, final ChunkWork<R> work) {
        return table.scan(types, threads, work);
    }
}
