package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a tool said about its version when asked by a configured command ({@code python --version},
 * {@code pip freeze}): the first line for people, and a hash of the whole output so that two
 * environments can be compared even when the output is long.
 *
 * @param command  the shell line that was run
 * @param exitCode its exit code ({@code -1} if it could not run or took too long)
 * @param version  the first non-blank line it printed, or {@code null}
 * @param lines    how many non-blank lines it printed
 * @param sha256   the SHA-256 of everything it printed
 */
public record ToolVersion(String command, int exitCode, String version, int lines, String sha256) {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_VERSION_LENGTH = 200;

    /** Validates the fields. */
    public ToolVersion {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Runs a version command through the shell, in the training's directory and environment.
     *
     * @param shellLine   e.g. {@code python --version} or {@code pip freeze}
     * @param workDir     the working directory
     * @param environment the training's extra environment
     * @return what it said
     */
    public static ToolVersion probe(final String shellLine, final Path workDir, final Map<String, String> environment) {
        CapturedOutput output = CapturedOutput.run(TrainingCommand.ofShellLine(shellLine).processArguments(), workDir,
                environment, TIMEOUT);
        String first = output.text().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(null);
        if (first != null && first.length() > MAX_VERSION_LENGTH) {
            first = first.substring(0, MAX_VERSION_LENGTH);
        }
        int lines = (int) output.text().lines().filter(line -> !line.isBlank()).count();
        return new ToolVersion(shellLine, output.exitCode(), first, lines,
                FileDigest.sha256Hex(output.text().getBytes(StandardCharsets.UTF_8)));
    }
}
