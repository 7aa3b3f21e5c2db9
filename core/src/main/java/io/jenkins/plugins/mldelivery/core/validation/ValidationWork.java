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
    /** The file's findings, made up front so that chunks can read the duplicate finders' limits. */
    private final ColumnFindings[] ofFile;

    ValidationWork(final TableProfiler profiler, final List<ColumnCheck> checks) {
        this.profiler = profiler;
        this.checks = checks;
        ofFile = new ColumnFindings[checks.size()];
        for (int i = 0; i < ofFile.length; i++) {
            ofFile[i] = ColumnFindings.ofFile(checks.get(i).rules().isUnique());
        }
    }

    @Override
    public ChunkProcessor<Chunk> newProcessor(final int chunkIndex) {
        ChunkProcessor<DatasetProfile> profiling = profiler.newProcessor(chunkIndex);
        ChunkChecker checking = checks.isEmpty() ? null : new ChunkChecker(checks, ofFile);
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
        for (int i = 0; i < ofFile.length; i++) {
            ofFile[i].addAll(chunk.findings()[i], firstLine);
        }
        return new Chunk(profiler.merge(accumulated == null ? null : accumulated.profile(), chunk.profile(), firstLine), ofFile);
    }
}
