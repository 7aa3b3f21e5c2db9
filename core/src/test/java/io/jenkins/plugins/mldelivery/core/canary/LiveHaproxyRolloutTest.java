package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.judge.Classification;
import io.jenkins.plugins.mldelivery.core.canary.judge.StepVerdict;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.HaproxyServer;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two live rollouts on one machine with the parts a self-hosted team runs: the example's model
 * servers ({@code serve.py}, a model {@code train.py} trained here), a real HAProxy 2.6 whose
 * server weights the HAProxy router sets, HAProxy's built-in Prometheus exporter scraped every
 * second by a real Prometheus, and {@code load.py} sending holdout rows through HAProxy, bounded in
 * count and time. The good canary serves the same model as the stable version and is promoted
 * through 5, 25, 50 and 100%; the bad one answers 500 to 8% of requests and is rolled back at its
 * first step, after which HAProxy sends it nothing. Both rollouts run at once to keep the test short.
 */
public class LiveHaproxyRolloutTest {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static final List<ServerProcess> MODEL_SERVERS = new ArrayList<>();
    private static final List<Process> LOADS = new ArrayList<>();
    private static HaproxyServer haproxy;
    private static ServerProcess prometheus;
    private static URI prometheusUri;
    private static Path work;

    @BeforeClass
    public static void startModelServersHaproxyPrometheusAndLoad() throws Exception {
        Path python = ExternalTools.python();
        Path prometheusBinary = ExternalTools.prometheus();
        ExternalTools.haproxy();
        Path example = ExternalTools.repositoryRoot().resolve("examples/credit-risk");
        work = folder.getRoot().toPath();
        run(List.of(python.toString(), example.resolve("generate_data.py").toString(), "--out", "data", "--rows", "3000",
                "--batch-rows", "1000"));
        Files.writeString(work.resolve("params.yaml"), String.join("\n",
                "data: {train: data/train.csv, eval_fraction: 0.25, seed: 42}",
                "model: {type: logistic_regression, C: 1.0, threshold: 0.5}",
                "outputs: {model: model, metrics: metrics.json, history: history.csv, predictions: eval/predictions.csv}",
                ""));
        run(List.of(python.toString(), example.resolve("train.py").toString(), "--params", "params.yaml"));

        int[] ports = new int[4];
        List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        String[][] servers = {{"good-stable", "1", "0"}, {"good-canary", "2", "0"}, {"bad-stable", "1", "0"}, {"bad-canary", "2", "0.08"}};
        for (int i = 0; i < servers.length; i++) {
            ports[i] = ServerProcess.freePort();
            int port = ports[i];
            String[] server = servers[i];
            starting.add(CompletableFuture.supplyAsync(() -> ServerProcess.start(List.of(python.toString(),
                    example.resolve("serve.py").toString(), "--model", work.resolve("model").toString(), "--port", String.valueOf(port),
                    "--version", server[1], "--fail-rate", server[2]), Map.of(), work.resolve(server[0]),
                    URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(120))));
        }
        for (CompletableFuture<ServerProcess> server : starting) {
            MODEL_SERVERS.add(server.get());
        }
        haproxy = HaproxyServer.start(work.resolve("haproxy"), "admin", List.of(
                new HaproxyServer.Backend("good", "roundrobin", ports[0], ports[1]),
                new HaproxyServer.Backend("bad", "roundrobin", ports[2], ports[3])));

        Path dir = work.resolve("prometheus");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "scrape_configs:",
                "  - job_name: haproxy",
                "    static_configs: [{targets: ['" + haproxy.metrics().getAuthority() + "']}]",
                ""));
        int port = ServerProcess.freePort();
        prometheusUri = URI.create("http://127.0.0.1:" + port);
        prometheus = ServerProcess.start(List.of(prometheusBinary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"),
                Map.of(), dir, prometheusUri.resolve("/-/ready"), Duration.ofSeconds(60));

        for (String backend : List.of("good", "bad")) {
            LOADS.add(new ProcessBuilder(python.toString(), example.resolve("load.py").toString(),
                    "--url", haproxy.frontend(backend) + "/predict", "--data", "data/holdout.csv",
                    "--requests", "20000", "--seconds", "150", "--rate", "40", "--concurrency", "4", "--log", "load-" + backend + ".csv")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("load-" + backend + ".log").toFile()).start());
        }
    }

    @AfterClass
    public static void stopEverything() throws InterruptedException {
        for (Process load : LOADS) {
            load.destroy();
            if (!load.waitFor(10, TimeUnit.SECONDS)) {
                load.destroyForcibly();
            }
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (haproxy != null) {
            haproxy.close();
        }
        MODEL_SERVERS.forEach(ServerProcess::close);
    }

    private static void run(final List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static CanaryResult rollout(final String backend) {
        try {
            Path file = work.resolve(backend + ".yaml");
            Files.writeString(file, String.join("\n",
                    "model: credit-risk",
                    "stable: {version: '1'}",
                    "canary: {version: '2'}",
                    "steps: [{weight: 5, interval: 20s}, 25, 50, 100]",
                    "interval: 10s",
                    "spending: pocock",
                    "inconclusive: rollback",
                    "metrics:",
                    "  - name: error_rate",
                    "    critical: true",
                    "    mustHaveData: true",
                    "    events: 'sum(increase(haproxy_server_http_responses_total{proxy=\"" + backend + "\",server=\"{role}\",code=\"5xx\"}[{window}]))'",
                    "    trials: 'sum(increase(haproxy_server_http_responses_total{proxy=\"" + backend + "\",server=\"{role}\"}[{window}]))'",
                    "  - name: response_time_ms",
                    "    query: '1000 * haproxy_server_response_time_average_seconds{proxy=\"" + backend + "\",server=\"{role}\"}'",
                    "    allowedChange: {absolute: 25}",
                    "router: {type: haproxy, socket: '" + haproxy.socket() + "', backend: " + backend + "}",
                    "source: {type: prometheus, url: '" + prometheusUri + "', resolution: 1s, timeout: 5s, retries: 2, backoff: 500ms}",
                    ""));
            RolloutPlan plan = PlanReader.read(file);
            try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
                return controller.run();
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    public void shouldPromoteTheGoodCanaryAndRollBackTheBadOneAtItsFirstStep() throws Exception {
        CompletableFuture<CanaryResult> good = CompletableFuture.supplyAsync(() -> rollout("good"));
        CompletableFuture<CanaryResult> bad = CompletableFuture.supplyAsync(() -> rollout("bad"));

        CanaryResult rolledBack = bad.get();
        long canaryAnswersAtRollback = HaproxyStats.responses(haproxy.socket(), "bad", "canary");
        Thread.sleep(2000);
        long canaryAnswersLater = HaproxyStats.responses(haproxy.socket(), "bad", "canary");
        CanaryResult promoted = good.get();

        String logs = "\n" + haproxy.logTail() + "\n" + prometheus.logTail();
        assertThat(rolledBack.decision()).as(rolledBack.summary() + logs).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(rolledBack.steps()).as("rolled back at the first step").hasSize(1);
        assertThat(rolledBack.steps().get(0).decision()).isEqualTo(StepVerdict.FAIL);
        assertThat(rolledBack.steps().get(0).metrics().get(0).classification()).isEqualTo(Classification.HIGH);
        assertThat(rolledBack.rollbackMillis()).as("failed analysis to 0% at the router").isNotNull().isLessThan(5000L);
        assertThat(HaproxyStats.weight(haproxy.socket(), "bad", "canary")).isZero();
        assertThat(canaryAnswersLater).as("answers from the bad canary after its rollback").isEqualTo(canaryAnswersAtRollback);
        assertThat(canaryAnswersAtRollback).as("requests the bad canary answered before its rollback").isBetween(1L, 200L);

        assertThat(promoted.decision()).as(promoted.summary() + logs).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(promoted.steps()).hasSize(3);
        assertThat(promoted.steps().get(0).metrics().get(0).canary().n()).as("requests the canary answered at 5%").isGreaterThan(5);
        assertThat(HaproxyStats.weight(haproxy.socket(), "good", "stable")).isEqualTo(100);
    }
}
