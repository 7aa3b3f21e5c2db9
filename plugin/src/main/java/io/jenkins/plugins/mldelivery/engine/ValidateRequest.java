package io.jenkins.plugins.mldelivery.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The arguments of {@code mlValidateData}, as the engine's {@code validate} operation takes them;
 * every path is relative to the workspace (or absolute on the agent).
 *
 * @param data                the batch to validate ({@code --data})
 * @param reference           the reference data set or profile ({@code --reference}), if any
 * @param schema              the schema ({@code --schema}), if any
 * @param batchProfileOut     where the engine writes the batch's profile, archived with the build
 * @param referenceProfileOut where the engine writes the reference's profile when a reference is
 *                            given, archived with the build; {@code null} without a reference
 */
public record ValidateRequest(String data, @CheckForNull String reference, @CheckForNull String schema,
        String batchProfileOut, @CheckForNull String referenceProfileOut) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the required fields. */
    public ValidateRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(batchProfileOut, "batchProfileOut");
    }
}
