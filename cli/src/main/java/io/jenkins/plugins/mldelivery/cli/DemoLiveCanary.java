package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's live canary runs: the registry's two versions of the model served by the
 * example's {@code serve.py} (and the candidate once more, deployed broken, for the drill), HAProxy
 * in front with one backend per rollout, Prometheus scraping HAProxy's exporter, and the plans
 * that roll out through HAProxy judged on Prometheus' data.
 */
final class DemoLiveCanary {
    /** The load generator's bounds: requests, seconds, and requests per second. */
    static final int LOAD_REQUESTS = 8000;
    static final int LOAD_SECONDS = 150;
    static final int LOAD_RATE = 40;

    private final DemoLiveServices live;
    private final String registry;
    private final String model;
    private final Path haproxy;
    private final Path prometheus;
    private final PrintWriter stdout;

    DemoLiveCanary(final DemoLiveServices live, final String registry, final String model, final Path haproxy, final Path prometheus,
            final PrintWriter stdout) {
        this.live = live;
        this.registry = registry;
        this.model = model;
        this.haproxy = haproxy;
        this.prometheus = prometheus;
        this.stdout = stdout;
    }

    /** Serves the champion and the version it replaced from the registry's stored files, behind HAProxy, scraped by Prometheus. */
    void startServices() {
        ModelRegistry models = RegistryUri.open(registry);
        ModelVersion candidate = models.resolveAlias(model, "champion")
                .orElseThrow(() -> new BadInputException("registry " + registry + ": no champion to roll out"));
        List<AliasMove> moves = models.aliasHistory(model, "champion");
        Integer before = moves.isEmpty() ? null : moves.get(moves.size() - 1).fromVersion();
        if (before == null) {
            throw new BadInputException("registry " + registry + ": champion has no previous version to roll out against");
        }
        ModelVersion stable = models.version(model, before);
        Map<String, List<String>> servers = new LinkedHashMap<>();
        servers.put("stable", List.of("--model", stable.source(), "--version", String.valueOf(stable.version())));
        servers.put("candidate", List.of("--model", candidate.source(), "--version", String.valueOf(candidate.version())));
        servers.put("broken", List.of("--model", candidate.source(), "--version", candidate.version() + "-broken", "--fail-rate", "0.08"));
        stdout.println();
        stdout.println("  live: serve.py serves v" + stable.version() + " and v" + candidate.version() + " from the registry's files ("
                + candidate.source() + "), and v" + candidate.version() + " once more with --fail-rate 0.08 for the drill;");
        stdout.println("  live: HAProxy 2.6 in front (all weight on stable), Prometheus scraping its exporter every second;"
                + " load.py sends holdout rows at " + LOAD_RATE + "/s (at most " + LOAD_REQUESTS + " requests, " + LOAD_SECONDS
                + " s); all on 127.0.0.1, logs in live/");
        stdout.flush();
        live.startModelServers(servers);
        Map<String, String[]> backends = new LinkedHashMap<>();
        backends.put("credit-risk", new String[] {"stable", "candidate"});
        backends.put("drill", new String[] {"candidate", "broken"});
        live.startHaproxyAndPrometheus(haproxy, prometheus, backends);
    }

    /**
     * Writes a live plan: HAProxy's weights moved through its runtime API, HAProxy's per-server
     * answers and response times judged from Prometheus.
     */
    static Path writePlan(final Path file, final DemoLiveServices live, final String backend, final String registryLine,
            final String stableLine, final String canaryLine) {
        String server = "proxy=\\\"" + backend + "\\\",server=\\\"{role}\\\"";
        List<String> lines = new java.util.ArrayList<>(List.of(
                "# Written by ml-delivery demo (docs/canary.md, \"A live canary through HAProxy\").",
                "model: credit-risk"));
        if (registryLine != null) {
            lines.add(registryLine);
        }
        lines.addAll(List.of(stableLine, canaryLine,
                "steps: [{weight: 5, interval: 20s}, 25, 50, 100]",
                "interval: 10s",
                "spending: pocock                    # stop at the first step on a clear regression",
                "inconclusive: rollback",
                "metrics:",
                "  - name: error_rate                # HTTP 5xx answers / all answers, per server",
                "    critical: true",
                "    mustHaveData: true",
                "    events: \"sum(increase(haproxy_server_http_responses_total{" + server + ",code=\\\"5xx\\\"}[{window}]))\"",
                "    trials: \"sum(increase(haproxy_server_http_responses_total{" + server + "}[{window}]))\"",
                "  - name: response_time_ms          # HAProxy's average over the server's last 1024 answers",
                "    query: \"1000 * haproxy_server_response_time_average_seconds{" + server + "}\"",
                "    allowedChange: {absolute: 25}",
                "router: {type: haproxy, socket: '" + live.socket() + "', backend: " + backend + "}",
                "source: {type: prometheus, url: '" + live.prometheus() + "', resolution: 1s, timeout: 5s, retries: 2, backoff: 500ms}",
                ""));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Prints what the broken candidate cost: requests it answered, and how fast the rollback took its traffic away. */
    static void printCost(final PrintWriter stdout, final Path result, final long answeredAtRollback, final long answeredLater) {
        JsonNode canary;
        try {
            canary = ResultJson.mapper().readTree(result.toFile());
        }
        catch (IOException e) {
            throw new UncheckedIOException(result + ": " + e.getMessage(), e);
        }
        JsonNode millis = canary.path("rollbackMillis");
        stdout.println("  measured: failed analysis to 0% canary weight at HAProxy: "
                + (millis.isMissingNode() || millis.isNull() ? "n/a" : millis.asLong() + " ms")
                + "; requests the broken candidate answered before the rollback: " + answeredAtRollback
                + " (HAProxy's count), after it: " + (answeredLater - answeredAtRollback));
        stdout.flush();
    }
}
