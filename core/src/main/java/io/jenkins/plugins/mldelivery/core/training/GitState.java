package io.jenkins.plugins.mldelivery.core.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The version-control state of a working directory when training started.
 *
 * @param commit the full commit hash of {@code HEAD}, or {@code null} outside a git work tree (or without git)
 * @param dirty  whether tracked files differ from {@code HEAD} (untracked files do not count, as
 *               with {@code git describe --dirty}), or {@code null} outside a git work tree
 */
public record GitState(String commit, Boolean dirty) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Asks git about a directory.
     *
     * @param workDir the directory
     * @return its state, or a state with {@code null} fields when it is not in a git work tree
     */
    public static GitState of(final Path workDir) {
        CapturedOutput head = CapturedOutput.run(List.of("git", "rev-parse", "--verify", "HEAD"), workDir, Map.of(), TIMEOUT);
        if (head.exitCode() != 0) {
            return new GitState(null, null);
        }
        CapturedOutput status = CapturedOutput.run(List.of("git", "status", "--porcelain", "--untracked-files=no"),
                workDir, Map.of(), TIMEOUT);
        Boolean dirty = status.exitCode() == 0 ? !status.text().isBlank() : null;
        return new GitState(head.text().strip(), dirty);
    }
}
