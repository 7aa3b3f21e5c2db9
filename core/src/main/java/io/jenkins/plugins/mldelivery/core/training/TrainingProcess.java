package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one command to its end: in a working directory, with extra environment, under a timeout
 * that kills the whole process tree, passing every output line on as soon as it is printed. If this
 * JVM is told to stop (SIGTERM) while the command runs, the process tree is killed as well.
 */
public final class TrainingProcess {
    /** How long killed processes get to exit after a polite request before they are killed by force. */
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** How long to keep reading output after the command ended (a leftover child may hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Clock clock;
    private final int tailLines;

    /**
     * Creates a runner.
     *
     * @param clock     the clock for start and end instants
     * @param tailLines how many of the last output lines to keep for the outcome
     */
    public TrainingProcess(final Clock clock, final int tailLines) {
        this.clock = clock;
        this.tailLines = tailLines;
    }

    /**
     * Runs a command and waits for it, or kills it and all its descendants when time runs out.
     *
     * @param command     the command
     * @param workDir     the working directory, which must exist
     * @param environment variables added to (or replacing those of) this process's environment
     * @param timeout     how long the command may run
     * @param output      receives each line of standard output and standard error, merged, as it is printed
     * @return how the command ended
     * @throws BadInputException     if the working directory does not exist or the program cannot be found
     * @throws CancellationException if this thread is interrupted (the command is killed first)
     */
    public ProcessOutcome run(final TrainingCommand command, final Path workDir, final Map<String, String> environment,
            final Duration timeout, final Consumer<String> output) {
        if (!Files.isDirectory(workDir)) {
            throw new BadInputException("working directory " + workDir + " does not exist");
        }
        ProcessBuilder builder = new ProcessBuilder(command.processArguments())
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Instant started = clock.instant();
        Process process = start(builder, command, workDir);
        OutputTail tail = new OutputTail(tailLines);
        Thread reader = new Thread(() -> pump(process, output, tail), "training-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        boolean timedOut;
        // a SIGTERM to this JVM (a CI abort) must not leave the command running as an orphan
        try (TerminationCleanup.Registration onTermination = TerminationCleanup.register(() -> killTree(process))) {
            process.getOutputStream().close(); // the command reads no input: give it end-of-file, not a hang
            timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while running " + command.display() + "; killed it");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (timedOut) {
            killTree(process);
        }
        join(reader);
        Instant finished = clock.instant();
        return new ProcessOutcome(timedOut ? -1 : process.exitValue(), timedOut, tail.lines(), started, finished);
    }

    private static Process start(final ProcessBuilder builder, final TrainingCommand command, final Path workDir) {
        try {
            return builder.start();
        }
        catch (IOException e) {
            String program = builder.command().get(0);
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("error=13")) {
                throw new BadInputException("cannot run '" + program + "': permission denied (is it executable?)", e);
            }
            throw new BadInputException("command not found: '" + program + "' (running '" + command.display()
                    + "' in " + workDir + "; is it installed and on the PATH?)", e);
        }
    }

    private static void pump(final Process process, final Consumer<String> output, final OutputTail tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    output.accept(line);
                }
                catch (RuntimeException e) {
                    // a failing listener must not stop the reading: the command would block on a full pipe
                }
                tail.accept(line);
            }
        }
        catch (IOException e) {
            // the stream closes when the process is killed; what was read so far is what there is
        }
    }

    private static void join(final Thread reader) {
        try {
            reader.join(DRAIN.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills a process and every process it started. The descendants are listed before anything is
     * killed, because once their parent dies they are re-parented and can no longer be found.
     */
    static void killTree(final Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
            catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }
}
