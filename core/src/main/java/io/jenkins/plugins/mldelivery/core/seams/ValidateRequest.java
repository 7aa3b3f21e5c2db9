package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The arguments of {@code mlValidateData}, as the engine's {@code validate} operation takes them;
 * every path is relative to the workspace (or absolute on the agent).
 *
 * @param data            the batch to validate ({@code --data})
 * @param reference       the reference data set or saved profile ({@code --reference}), if any
 * @param schema          the schema ({@code --schema}), if any
 * @param driftPolicy     the drift policy ({@code --drift-policy}), if any
 * @param batchProfileOut where the engine writes the batch's profile ({@code --profile-out}), archived
 *                        with the build as the reference of later validations
 */
public record ValidateRequest(String data, String reference, String schema,
        String driftPolicy, String batchProfileOut) implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the required fields. */
    public ValidateRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchProfileOut, "batchProfileOut");
    }
}
