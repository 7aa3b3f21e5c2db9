package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.canary.router.HaproxyRuntimeApi;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The live services of the demo's canary, all on loopback and all stopped by {@link #close()}:
 * the example's model server ({@code serve.py}) once per version, HAProxy with one backend per
 * rollout (a {@code stable} and a {@code canary} server, all weight on stable) and its Prometheus
 * exporter, a Prometheus scraping it every second, and the bounded load generator
 * ({@code load.py}). Each process logs into its own file under the live directory.
 */
final class DemoLiveServices implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path live;
    private final Path workspace;
    private final Path python;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> modelPorts = new LinkedHashMap<>();
    private final Map<String, Integer> frontends = new LinkedHashMap<>();
    private Path socket;
    private URI prometheus;

    DemoLiveServices(final Path live, final Path workspace, final Path python) {
        this.live = live;
        this.workspace = workspace;
        this.python = python;
    }

    /** Starts one model server per version, in parallel, and waits until each answers /health. */
    void startModelServers(final Map<String, List<String>> versions) {
        Map<String, Process> started = new LinkedHashMap<>();
        versions.forEach((name, arguments) -> {
            int port = freePort();
            modelPorts.put(name, port);
            List<String> command = new ArrayList<>(List.of(python.toString(), "serve.py", "--port", String.valueOf(port)));
            command.addAll(arguments);
            started.put(name, start("serve-" + name, command));
        });
        started.forEach((name, process) -> awaitReady("serve.py " + name, "serve-" + name, process,
                URI.create("http://127.0.0.1:" + modelPorts.get(name) + "/health")));
    }

    /**
     * Writes HAProxy's configuration and starts it with Prometheus scraping its exporter.
     *
     * @param backends each backend's name and the model servers (by name) of its stable and canary server
     */
    void startHaproxyAndPrometheus(final Path haproxy, final Path prometheusBinary, final Map<String, String[]> backends) {
        socket = live.resolve("haproxy.sock");
        if (socket.toString().length() > 100) {
            throw new BadInputException(live + ": too long a path for HAProxy's runtime API socket; choose a shorter --out");
        }
        int metricsPort = freePort();
        StringBuilder config = new StringBuilder(String.join("\n",
                "# Written by ml-delivery demo: the live canary's router, on loopback only.",
                "global",
                "    stats socket " + socket + " mode 600 level admin",
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
        backends.forEach((name, servers) -> {
            int port = freePort();
            frontends.put(name, port);
            config.append(String.join("\n",
                    "frontend " + name,
                    "    bind 127.0.0.1:" + port,
                    "    default_backend " + name,
                    "backend " + name,
                    "    balance roundrobin",
                    "    server stable 127.0.0.1:" + modelPorts.get(servers[0]) + " weight 100",
                    "    server canary 127.0.0.1:" + modelPorts.get(servers[1]) + " weight 0",
                    ""));
        });
        Path configFile = live.resolve("haproxy.cfg");
        write(configFile, config.toString());
        awaitReady("haproxy", "haproxy", start("haproxy", List.of(haproxy.toString(), "-db", "-f", configFile.toString())),
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));

        Path dir = live.resolve("prometheus");
        write(dir.resolve("prometheus.yml"), String.join("\n",
                "# Written by ml-delivery demo: scrapes HAProxy's exporter every second.",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: haproxy",
                "    static_configs: [{targets: ['127.0.0.1:" + metricsPort + "']}]",
                ""));
        int port = freePort();
        prometheus = URI.create("http://127.0.0.1:" + port);
        awaitReady("prometheus", "prometheus", start("prometheus", List.of(prometheusBinary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")),
                prometheus.resolve("/-/ready"));
    }

    Path socket() {
        return socket;
    }

    URI prometheus() {
        return prometheus;
    }

    URI frontend(final String backend) {
        return URI.create("http://127.0.0.1:" + frontends.get(backend) + "/predict");
    }

    /** Starts the load generator against a backend's frontend, bounded in count and time. */
    Process startLoad(final String backend, final int requests, final int seconds, final int rate) {
        return start("load-" + backend, List.of(python.toString(), "load.py", "--url", frontend(backend).toString(),
                "--data", "data/holdout.csv", "--requests", String.valueOf(requests), "--seconds", String.valueOf(seconds),
                "--rate", String.valueOf(rate), "--concurrency", "4", "--log", live.resolve("load-" + backend + ".csv").toString()));
    }

    /** Stops a load generator and returns its summary lines. */
    List<String> stopLoad(final String backend, final Process load) {
        load.destroy();
        try {
            if (!load.waitFor(20, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
            return Files.readAllLines(log("load-" + backend), StandardCharsets.UTF_8);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server's HTTP responses so far, read from HAProxy's runtime API ({@code show stat}). */
    long responses(final String backend, final String server) {
        return new HaproxyRuntimeApi(socket.toString(), socket.getParent(), Duration.ofSeconds(5)).responses(backend, server);
    }

    /** Stops every process started here, and the processes they started. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
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
    }

    private Process start(final String name, final List<String> command) {
        try {
            Files.createDirectories(live);
            Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true)
                    .redirectOutput(log(name).toFile()).start();
            processes.add(process);
            return process;
        }
        catch (IOException e) {
            throw new ExternalSystemException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private Path log(final String name) {
        return live.resolve(name + ".log");
    }

    private void awaitReady(final String name, final String log, final Process process, final URI ready) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ExternalSystemException(name + " exited with " + process.exitValue() + ": " + lastLine(log)
                        + " (" + log(log) + ")");
            }
            if (answers(ready)) {
                return;
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new ExternalSystemException(name + " did not answer " + ready + " within " + READY_TIMEOUT.toSeconds() + " s (" + log(log) + ")");
    }

    private String lastLine(final String log) {
        try {
            List<String> lines = Files.readAllLines(log(log), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        }
        catch (IOException e) {
            return "(no log)";
        }
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(final Path file, final String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
