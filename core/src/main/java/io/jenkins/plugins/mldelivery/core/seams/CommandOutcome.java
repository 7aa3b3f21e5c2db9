package io.jenkins.plugins.mldelivery.core.seams;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the training command ended when the plugin ran it through the build's launcher.
 *
 * @param exitCode   the command's exit code
 * @param timedOut   whether the plugin killed it at the step's timeout
 * @param tail       its last lines of output (secrets masked), oldest first
 * @param startedAt  when the command started
 * @param finishedAt when the command ended
 */
public record CommandOutcome(int exitCode, boolean timedOut, List<String> tail, Instant startedAt, Instant finishedAt)
        implements Serializable {
    /** How many of the command's last lines the result keeps. */
    public static final int TAIL_LINES = 20;

    @Serial
    private static final long serialVersionUID = 2L;

    /** Validates the fields and copies the list. */
    public CommandOutcome {
        tail = List.copyOf(tail);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
