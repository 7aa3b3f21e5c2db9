package io.jenkins.plugins.mldelivery.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HAProxy (Debian's 2.6) that a test starts on loopback with a configuration it writes
 * into its own directory: one frontend per backend, each backend with a {@code stable} and a
 * {@code canary} server (all traffic on stable at first), the built-in Prometheus exporter on
 * {@code /metrics}, and the runtime API on a Unix socket in the directory.
 */
public final class HaproxyServer implements AutoCloseable {
    private final ServerProcess process;
    private final Path socket;
    private final Map<String, URI> frontends;
    private final URI metrics;

    private HaproxyServer(final ServerProcess process, final Path socket, final Map<String, URI> frontends, final URI metrics) {
        this.process = process;
        this.socket = socket;
        this.frontends = frontends;
        this.metrics = metrics;
    }

    /**
     * One backend to configure.
     *
     * @param name       the backend's (and its frontend's) name
     * @param balance    the balance algorithm, e.g. {@code roundrobin}
     * @param stablePort the stable server's port on 127.0.0.1
     * @param canaryPort the canary server's port on 127.0.0.1
     */
    public record Backend(String name, String balance, int stablePort, int canaryPort) {
    }

    /**
     * Writes the configuration and starts HAProxy in the foreground, ready once its exporter answers.
     *
     * @param directory   where the configuration, the socket and the log go
     * @param socketLevel the runtime API's level ({@code admin} to change weights, {@code user} to be refused)
     * @param backends    the backends
     * @return the running HAProxy
     */
    public static HaproxyServer start(final Path directory, final String socketLevel, final List<Backend> backends) {
        Path binary = ExternalTools.haproxy();
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path socket = directory.resolve("admin.sock");
        int metricsPort = ServerProcess.freePort();
        StringBuilder config = new StringBuilder(String.join("\n",
                "global",
                "    stats socket " + socket + " mode 600 level " + socketLevel,
                "    stats timeout 30s",
                "defaults",
                "    mode http",
                "    timeout connect 2s",
                "    timeout client 30s",
                "    timeout server 30s",
                "frontend metrics",
                "    bind 127.0.0.1:" + metricsPort,
                "    http-request use-service prometheus-exporter if { path /metrics }",
                ""));
        Map<String, URI> frontends = new LinkedHashMap<>();
        List<String> sections = new ArrayList<>();
        for (Backend backend : backends) {
            int port = ServerProcess.freePort();
            frontends.put(backend.name(), URI.create("http://127.0.0.1:" + port));
            sections.add(String.join("\n",
                    "frontend " + backend.name(),
                    "    bind 127.0.0.1:" + port,
                    "    default_backend " + backend.name(),
                    "backend " + backend.name(),
                    "    balance " + backend.balance(),
                    "    server stable 127.0.0.1:" + backend.stablePort() + " weight 100",
                    "    server canary 127.0.0.1:" + backend.canaryPort() + " weight 0",
                    ""));
        }
        config.append(String.join("", sections));
        Path file = directory.resolve("haproxy.cfg");
        try {
            Files.writeString(file, config);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
        ServerProcess process = ServerProcess.start(List.of(binary.toString(), "-db", "-f", file.toString()), Map.of(), directory,
                metrics, Duration.ofSeconds(30));
        return new HaproxyServer(process, socket, frontends, metrics);
    }

    /**
     * Returns the runtime API's Unix socket.
     *
     * @return the socket's path
     */
    public Path socket() {
        return socket;
    }

    /**
     * Returns the frontend that sends to a backend.
     *
     * @param backend the backend's name
     * @return its frontend's base URI
     */
    public URI frontend(final String backend) {
        return frontends.get(backend);
    }

    /**
     * Returns the Prometheus exporter's URI.
     *
     * @return the {@code /metrics} URI
     */
    public URI metrics() {
        return metrics;
    }

    /**
     * Returns the last lines HAProxy printed.
     *
     * @return the log's tail
     */
    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }
}
