package io.jenkins.plugins.mldelivery.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The arguments of {@code mlPromote}, shared by the Pipeline step and the freestyle build step.
 *
 * @param model   the registered model's name
 * @param alias   the alias to move
 * @param version an existing version to promote; {@code null} to register this build's trained model
 * @param force   whether to promote even though this build's last gate failed
 */
public record PromoteSettings(String model, String alias, @CheckForNull Integer version, boolean force)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public PromoteSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        if (version != null && version < 1) {
            throw new IllegalArgumentException(PromoteOperation.FUNCTION + ": version must be 1 or more, not " + version);
        }
    }
}
