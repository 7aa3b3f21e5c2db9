package io.jenkins.plugins.mldelivery.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects every record of a scan as text (numbers as Java prints doubles, missing values as
 * {@code null}) with its absolute line number, so that tests can compare what was parsed.
 */
final class CollectedRows implements ChunkWork<List<CollectedRows.Row>> {
    /** One record: its line and its values. */
    record Row(long line, List<String> values) {
    }

    private final Utf8 utf8 = new Utf8();

    static List<Row> read(final CsvTable table, final List<ColumnType> types, final int threads) {
        return table.scan(types, threads, new CollectedRows());
    }

    @Override
    public ChunkProcessor<List<Row>> newProcessor(final int chunkIndex) {
        return new ChunkProcessor<>() {
            private final List<Row> rows = new ArrayList<>();

            @Override
            public void accept(final RecordBatch batch) {
                String[][] values = new String[batch.size()][batch.columnCount()];
                for (int c = 0; c < batch.columnCount(); c++) {
                    if (batch.type(c).isNumeric()) {
                        for (int i = 0; i < batch.numberCount(c); i++) {
                            values[batch.numberRecords(c)[i]][c] = Double.toString(batch.numbers(c)[i]);
                        }
                    }
                    else {
                        for (int r = 0; r < batch.size(); r++) {
                            int id = batch.ids(c)[r];
                            values[r][c] = id >= 0 ? batch.dictionary(c).value(id, new Utf8())
                                    : id == RecordBatch.UNLISTED ? batch.unlisted(c, r) : null;
                        }
                    }
                }
                for (int r = 0; r < batch.size(); r++) {
                    rows.add(new Row(batch.line(r), Arrays.asList(values[r])));
                }
            }

            @Override
            public List<Row> finish() {
                return rows;
            }
        };
    }

    @Override
    public List<Row> merge(final List<Row> accumulated, final List<Row> chunk, final long firstLine) {
        List<Row> merged = accumulated == null ? new ArrayList<>() : accumulated;
        for (Row row : chunk) {
            merged.add(new Row(firstLine + row.line(), row.values()));
        }
        return merged;
    }
}
