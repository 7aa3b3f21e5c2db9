package io.jenkins.plugins.mldelivery.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process that a test starts on loopback and stops afterwards with all its children,
 * keeping its output in a log file that failures quote.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(final Process process, final Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Returns a TCP port on loopback that was free a moment ago.
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server and waits until {@code readyUrl} answers 200.
     *
     * @param command     the command line
     * @param environment extra environment variables
     * @param workDir     the working directory; the log goes there as {@code server.log}
     * @param readyUrl    a URL that answers 200 once the server is ready
     * @param timeout     how long to wait for readiness
     * @return the running server
     */
    public static ServerProcess start(final List<String> command, final Map<String, String> environment,
            final Path workDir, final URI readyUrl, final Duration timeout) {
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            ServerProcess server = new ServerProcess(builder.start(), log);
            server.awaitReady(readyUrl, timeout);
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void awaitReady(final URI readyUrl, final Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (answers(readyUrl)) {
                return;
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("server not ready at " + readyUrl + " after " + timeout + ":\n" + logTail());
    }

    private static boolean answers(final URI url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            }
            finally {
                connection.disconnect();
            }
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the last lines the server printed, for failure messages.
     *
     * @return up to 40 lines of the log
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Says whether the server is still running.
     *
     * @return whether the process is alive
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and every process it started, politely first, then by force. */
    @Override
    public void close() {
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }
}
