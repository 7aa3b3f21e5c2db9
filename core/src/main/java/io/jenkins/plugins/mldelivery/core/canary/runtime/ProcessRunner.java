package io.jenkins.plugins.mldelivery.core.canary.runtime;

import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user command without a shell, with a timeout, its output captured to files (so a chatty
 * command can never block on a full pipe), and the whole process tree stopped on timeout.
 */
public final class ProcessRunner {
    private ProcessRunner() {
        // static entry point only
    }

    /**
     * What a finished command printed and returned.
     *
     * @param exitCode    the exit code
     * @param stdout      standard output
     * @param stderr      standard error
     * @param elapsed     the wall-clock time it took
     */
    public record Output(int exitCode, String stdout, String stderr, Duration elapsed) {
        /**
         * Returns the last non-blank line of standard error (or output), for one-line messages.
         *
         * @return the line, or {@code "(no output)"}
         */
        public String lastLine() {
            for (String text : List.of(stderr, stdout)) {
                String[] lines = text.strip().split("\\R");
                if (lines.length > 0 && !lines[lines.length - 1].isBlank()) {
                    return lines[lines.length - 1].strip();
                }
            }
            return "(no output)";
        }
    }

    /**
     * Runs a command to its end.
     *
     * @param what       what the command is for, for messages ({@code "router setWeight"})
     * @param command    the program and its arguments
     * @param directory  the working directory
     * @param timeout    the longest the command may run
     * @return its output, whatever its exit code
     * @throws ExternalSystemException if it cannot be started or does not finish in time
     */
    public static Output run(final String what, final List<String> command, final Path directory, final Duration timeout) {
        long started = System.nanoTime();
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            stdout = Files.createTempFile("ml-delivery-", ".out");
            stderr = Files.createTempFile("ml-delivery-", ".err");
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new ExternalSystemException(what + ": '" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + "s and was stopped");
            }
            return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
        }
        catch (IOException e) {
            throw new ExternalSystemException(what + ": cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            if (process != null) {
                stop(process);
            }
            Thread.currentThread().interrupt();
            throw new ExternalSystemException(what + ": interrupted while running '" + String.join(" ", command) + "'", e);
        }
        finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void stop(final Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(final Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
