package io.jenkins.plugins.mldelivery.core.training;

import java.nio.file.Path;
import java.util.List;

/**
 * What one execution of the training command left behind, before anything is published.
 *
 * @param workDir the directory it ran in
 * @param params  the parameters it ran with, or {@code null} without a params file
 * @param outcome how the command ended
 * @param metrics the metrics it wrote (none if it failed before)
 * @param models  the model files it wrote
 * @param failure why the run failed, or {@code null}
 * @param overrides the overrides it ran with, as written ({@code model.max_depth=4})
 */
record RunRecord(Path workDir, ParamsFile params, ProcessOutcome outcome, Metrics metrics, List<Artifact> models,
        String failure, List<String> overrides) {
    /** Returns this record with a different reason for failing. */
    RunRecord failing(final String reason) {
        return new RunRecord(workDir, params, outcome, metrics, models, reason, overrides);
    }

    boolean passed() {
        return failure == null;
    }
}
