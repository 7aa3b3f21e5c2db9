package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A command that scores one model on the evaluation data and writes a predictions CSV, such as
 * {@code python predict.py --model {model} --data {data} --out {out}}; the gate runs it once for
 * the challenger and once for the champion so that both are judged on the same rows. The
 * placeholders are replaced by shell-quoted paths and the command runs under {@code /bin/sh -c};
 * its output goes to a log file beside the predictions, and a failure is reported with the last
 * line the command wrote to standard error.
 *
 * @param template the command with the placeholders {@code {model}}, {@code {data}} and {@code {out}}
 * @param timeout  how long one scoring may take before it is stopped with its child processes
 */
public record ScoringCommand(String template, Duration timeout) {
    private static final List<String> PLACEHOLDERS = List.of("{model}", "{data}", "{out}");
    private static final int TAIL_BYTES = 1 << 16;

    /**
     * Validates the template.
     *
     * @throws BadInputException when a placeholder is missing
     */
    public ScoringCommand {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(timeout, "timeout");
        for (String placeholder : PLACEHOLDERS) {
            if (!template.contains(placeholder)) {
                throw new BadInputException("scoring command '" + template + "': missing " + placeholder
                        + "; write for example 'python predict.py --model {model} --data {data} --out {out}'");
            }
        }
    }

    /**
     * Scores one model.
     *
     * @param who       names the model in messages, such as {@code the champion (credit-risk version 3)}
     * @param model     the model's location
     * @param data      the evaluation data
     * @param out       where the predictions CSV must be written
     * @param directory the working directory of the command
     * @return {@code out}
     * @throws BadInputException when the command fails, times out or writes no predictions
     */
    public Path score(final String who, final String model, final Path data, final Path out, final Path directory) {
        String command = template.replace("{model}", quote(model)).replace("{data}", quote(data.toString()))
                .replace("{out}", quote(out.toString()));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.deleteIfExists(out);
            Process process = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile())
                    .redirectErrorStream(false)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new BadInputException("scoring command for " + who + " took longer than " + timeout.toSeconds()
                        + " s and was stopped: " + command);
            }
            if (process.exitValue() != 0) {
                throw new BadInputException("scoring command for " + who + " exited with code " + process.exitValue()
                        + ": " + lastLine(log) + " (command: " + command + ")");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("scoring command for " + who + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("scoring command for " + who + " was interrupted", e);
        }
        if (!Files.isRegularFile(out)) {
            throw new BadInputException("scoring command for " + who + " wrote no predictions to " + out + " (command: " + command + ")");
        }
        return out;
    }

    /** Quotes a value for {@code /bin/sh}: single quotes, with each single quote closed, escaped and reopened. */
    static String quote(final String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Returns the last non-blank line of the log's tail, decoded leniently (a traceback may hold any bytes). */
    private static String lastLine(final Path log) throws IOException {
        ByteBuffer tail;
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long from = Math.max(0, channel.size() - TAIL_BYTES);
            tail = ByteBuffer.allocate((int) (channel.size() - from));
            channel.position(from);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // read the whole tail
            }
        }
        String[] lines = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "(nothing on standard error)";
    }
}
