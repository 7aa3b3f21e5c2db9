package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.table.ByteDictionary;
import io.jenkins.plugins.mldelivery.core.table.ChunkProcessor;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.RecordBatch;
import io.jenkins.plugins.mldelivery.core.table.Utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Profiles the records of one chunk: numbers go to the column profilers a batch at a time; string
 * values are counted by dictionary id and handed over once per distinct value when the chunk ends,
 * so a column with few distinct values costs one array increment per record.
 */
final class ChunkProfiler implements ChunkProcessor<DatasetProfile> {
    private final List<String> names;
    private final ColumnProfiler[] profilers;
    private final long[][] counts;
    private ByteDictionary[] dictionaries;
    private long rows;

    ChunkProfiler(final List<String> names, final List<ColumnType> types, final int chunkIndex) {
        this.names = names;
        int columns = names.size();
        profilers = new ColumnProfiler[columns];
        counts = new long[columns][];
        for (int c = 0; c < columns; c++) {
            profilers[c] = new ColumnProfiler(names.get(c), types.get(c), seed(chunkIndex, c));
            counts[c] = types.get(c).isNumeric() ? null : new long[64];
        }
    }

    /** Gives every chunk and column its own coin sequence, fixed by the file alone. */
    static long seed(final int chunkIndex, final int column) {
        return SeededKllSketch.mix64(((long) chunkIndex << 32) ^ column ^ 0x5EED_0F_C0FFEEL);
    }

    @Override
    public void accept(final RecordBatch batch) {
        rows += batch.size();
        if (dictionaries == null) {
            dictionaries = new ByteDictionary[profilers.length];
        }
        for (int c = 0; c < profilers.length; c++) {
            ColumnProfiler profiler = profilers[c];
            profiler.addMissing(batch.missingCount(c));
            if (batch.type(c).isNumeric()) {
                if (batch.nonIntegerCount(c) > 0) {
                    profiler.widenToDecimal();
                }
                profiler.add(batch.numbers(c), 0, batch.numberCount(c));
            }
            else {
                dictionaries[c] = batch.dictionary(c);
                countCategories(batch, c);
            }
        }
    }

    private void countCategories(final RecordBatch batch, final int c) {
        int[] ids = batch.ids(c);
        long[] counted = counts[c];
        int known = batch.dictionary(c).size();
        if (counted.length < known) {
            counted = Arrays.copyOf(counted, Math.max(known, counted.length * 2));
            counts[c] = counted;
        }
        for (int r = 0; r < batch.size(); r++) {
            int id = ids[r];
            if (id >= 0) {
                counted[id]++;
            }
            else if (id == RecordBatch.UNLISTED) {
                profilers[c].add(batch.unlisted(c, r));
            }
        }
    }

    @Override
    public DatasetProfile finish() {
        Utf8 utf8 = new Utf8();
        List<ColumnProfile> columns = new ArrayList<>(profilers.length);
        for (int c = 0; c < profilers.length; c++) {
            if (counts[c] != null && dictionaries != null && dictionaries[c] != null) {
                ByteDictionary dictionary = dictionaries[c];
                for (int id = 0; id < dictionary.size(); id++) {
                    if (counts[c][id] > 0) {
                        profilers[c].add(dictionary.value(id, utf8), counts[c][id]);
                    }
                }
            }
            columns.add(profilers[c].build());
        }
        return DatasetProfile.of(null, rows, columns);
    }

    List<String> names() {
        return names;
    }
}
