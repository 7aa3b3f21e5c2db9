package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The arguments of {@code mlValidateData}, shared by the Pipeline step and the freestyle build step.
 *
 * @param data        the batch to validate
 * @param reference   the reference data set or profile, if any
 * @param schema      the schema, if any
 * @param driftPolicy the drift policy, if any
 * @param buildResult the build result when the validation fails: FAILURE, UNSTABLE or SUCCESS
 */
public record ValidateSettings(String data, @CheckForNull String reference, @CheckForNull String schema,
        @CheckForNull String driftPolicy, String buildResult) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields. */
    public ValidateSettings {
        Objects.requireNonNull(data, "data");
        buildResult = StepOutcome.checkBuildResult(buildResult);
    }
}
