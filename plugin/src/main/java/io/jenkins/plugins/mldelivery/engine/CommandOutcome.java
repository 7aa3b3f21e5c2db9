package io.jenkins.plugins.mldelivery.engine;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * How the training command ended when the plugin ran it through the build's launcher.
 *
 * @param exitCode   the command's exit code
 * @param startedAt  when the command started
 * @param finishedAt when the command ended
 */
public record CommandOutcome(int exitCode, Instant startedAt, Instant finishedAt) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the fields. */
    public CommandOutcome {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
