package io.jenkins.plugins.mldelivery.core.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a short helper command (git, a tool's version) printed, captured whole.
 *
 * @param exitCode the exit code; {@code -1} if it could not start or ran out of time
 * @param text     its standard output and standard error, merged
 */
record CapturedOutput(int exitCode, String text) {
    /**
     * Runs a short command to its end; output goes through a temporary file so that a chatty
     * command can never block on a full pipe.
     */
    static CapturedOutput run(final List<String> command, final Path workDir, final Map<String, String> environment,
            final Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("ml-delivery-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                TrainingProcess.killTree(process);
                return new CapturedOutput(-1, "");
            }
            return new CapturedOutput(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            return new CapturedOutput(-1, "");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CapturedOutput(-1, "");
        }
        finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                }
                catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
