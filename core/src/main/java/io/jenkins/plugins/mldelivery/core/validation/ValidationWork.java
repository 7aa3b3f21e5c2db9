package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.TableProfiler;
import io.jenkins.plugins.mldelivery.core.table.ChunkProcessor;
import io.jenkins.plugins.mldelivery.core.table.ChunkWork;
import io.jenkins.plugins.mldelivery.core.table.RecordBatch;

import java.util.List;

/**
 * Profiling and checking in the same pass: each chunk's batches go to a profiler and to a checker,
 * and both summaries are merged in file order.
 */
final class ValidationWork implements ChunkWork<ValidationWork.Chunk> {
    /**
     * What one chunk (or the chunks so far) gave.
     *
     * @param profile  the profile
     * @param findings the checks' findings, one per check
     */
    record Chunk(DatasetProfile profile, ColumnFindings[] findings) {
    }

    private final TableProfiler profiler;
    private final List<ColumnCheck> checks;

    ValidationWork(final TableProfiler profiler, final List<ColumnCheck> checks) {
        this.profiler = profiler;
        this.checks = checks;
    }

    @Override
    public ChunkProcessor<Chunk> newProcessor(final int chunkIndex) {
        ChunkProcessor<DatasetProfile> profiling = profiler.newProcessor(chunkIndex);
        ChunkChecker checking = checks.isEmpty() ? null : new ChunkChecker(checks);
        return new ChunkProcessor<>() {
            @Override
            public void accept(final RecordBatch batch) {
                profiling.accept(batch);
                if (checking != null) {
                    checking.accept(batch);
                }
            }

            @Override
            public Chunk finish() {
                return new Chunk(profiling.finish(), checking == null ? new ColumnFindings[0] : checking.finish());
            }
        };
    }

    @Override
    public Chunk merge(final Chunk accumulated, final Chunk chunk, final long firstLine) {
        if (accumulated == null) {
            ColumnFindings[] absolute = new ColumnFindings[chunk.findings().length];
            for (int i = 0; i < absolute.length; i++) {
                absolute[i] = new ColumnFindings(chunk.findings()[i].duplicates != null);
                absolute[i].addAll(chunk.findings()[i], firstLine);
            }
            return new Chunk(profiler.merge(null, chunk.profile(), firstLine), absolute);
        }
        for (int i = 0; i < accumulated.findings().length; i++) {
            accumulated.findings()[i].addAll(chunk.findings()[i], firstLine);
        }
        return new Chunk(profiler.merge(accumulated.profile(), chunk.profile(), firstLine), accumulated.findings());
    }
}
