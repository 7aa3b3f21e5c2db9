package io.jenkins.plugins.mldelivery.core.canary;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mldelivery.core.canary.judge.Classification;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficRouter;
import io.jenkins.plugins.mldelivery.core.canary.router.TrafficSnapshot;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.MetricSources;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollouts judged on a real Prometheus (Debian's {@code /usr/bin/prometheus}) on loopback,
 * scraping every second two small services this test serves per rollout, a stable and a canary
 * version, whose request counters grow with the share of traffic the rollout's router gives them.
 * The good canary fails 1% of requests like the stable version; the bad one 8%. Both rollouts run
 * at once to keep the test short.
 */
public class PrometheusRolloutTest {
    private static final double REQUESTS_PER_SECOND = 400;

    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static HttpServer services;
    private static ServerProcess prometheus;
    private static URI prometheusUri;
    private static final Map<String, Service> SERVICES = new ConcurrentHashMap<>();

    /** A version serving its share of a rollout's traffic: counters that Prometheus scrapes. */
    private static final class Service {
        private final WeightRouter router;
        private final boolean canary;
        private final double errorRate;
        private long lastNanos = System.nanoTime();
        private double requests;

        Service(final WeightRouter router, final boolean canary, final double errorRate) {
            this.router = router;
            this.canary = canary;
            this.errorRate = errorRate;
        }

        synchronized String scrape() {
            long now = System.nanoTime();
            double share = (canary ? router.weight : 100 - router.weight) / 100.0;
            double served = (now - lastNanos) / 1e9 * REQUESTS_PER_SECOND * share;
            lastNanos = now;
            requests += served;
            // exact expected counts and a latency that depends only on time: the good canary is
            // indistinguishable from the stable version, so the test cannot flake on a false alarm
            long errors = (long) Math.floor(requests * errorRate);
            double latency = 50 + 5 * Math.sin(now / 1e9);
            return String.format(Locale.ROOT, "# TYPE requests_total counter%nrequests_total{outcome=\"error\"} %d%n"
                    + "requests_total{outcome=\"ok\"} %d%n# TYPE request_latency_ms gauge%nrequest_latency_ms %.3f%n",
                    errors, (long) Math.floor(requests) - errors, latency);
        }
    }

    /** The rollout's router: the services read the weight it was given. */
    private static final class WeightRouter implements TrafficRouter {
        private volatile int weight;

        @Override
        public void setCanaryWeight(final int weight) {
            this.weight = weight;
        }

        @Override
        public void promote() {
            weight = 0;
        }

        @Override
        public void rollback() {
            weight = 0;
        }

        @Override
        public TrafficSnapshot snapshot() {
            return new TrafficSnapshot(weight, "canary " + weight + "%");
        }

        @Override
        public String describe() {
            return "test services";
        }
    }

    private static final WeightRouter GOOD = new WeightRouter();
    private static final WeightRouter BAD = new WeightRouter();

    @BeforeClass
    public static void startServicesAndPrometheus() throws IOException {
        Path binary = ExternalTools.prometheus();
        SERVICES.put("good-v3", new Service(GOOD, false, 0.01));
        SERVICES.put("good-v4", new Service(GOOD, true, 0.01));
        SERVICES.put("bad-v3", new Service(BAD, false, 0.01));
        SERVICES.put("bad-v4", new Service(BAD, true, 0.08));
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().split("/")[1];
            Service service = SERVICES.get(name);
            byte[] body = (service == null ? "" : service.scrape()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(service == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        services.start();
        Path dir = folder.newFolder("prometheus").toPath();
        StringBuilder config = new StringBuilder("global: {scrape_interval: 1s, evaluation_interval: 1s}\nscrape_configs:\n");
        for (String name : SERVICES.keySet()) {
            config.append("  - job_name: ").append(name).append('\n')
                    .append("    metrics_path: /").append(name).append("/metrics\n")
                    .append("    static_configs: [{targets: ['127.0.0.1:").append(services.getAddress().getPort())
                    .append("'], labels: {version: ").append(name).append("}}]\n");
        }
        Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = ServerProcess.freePort();
        prometheusUri = URI.create("http://127.0.0.1:" + port);
        prometheus = ServerProcess.start(List.of(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"),
                Map.of(), dir, prometheusUri.resolve("/-/ready"), Duration.ofSeconds(60));
        awaitScrapes();
    }

    /** Waits until Prometheus has scraped every service often enough for increase() to answer, so the first step has data. */
    private static void awaitScrapes() {
        URI query = prometheusUri.resolve("/api/v1/query?query=" + java.net.URLEncoder.encode(
                "count(increase(requests_total[3s]))", StandardCharsets.UTF_8));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                String body = client.send(java.net.http.HttpRequest.newBuilder(query).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"8\"]")) {
                    return;
                }
                Thread.sleep(200);
            }
            catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot query Prometheus: " + e, e);
            }
        }
        throw new IllegalStateException("Prometheus did not scrape the services:\n" + prometheus.logTail());
    }

    @AfterClass
    public static void stopServicesAndPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (services != null) {
            services.stop(0);
        }
    }

    private static CanaryResult rollout(final String name, final WeightRouter router) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "stable: {version: " + name + "-v3}",
                "canary: {version: " + name + "-v4}",
                "steps: [25, 50, 100]",
                "interval: 5s",
                "metrics:",
                "  - name: error_rate",
                "    critical: true",
                "    mustHaveData: true",
                "    events: 'sum(increase(requests_total{version=\"{version}\",outcome=\"error\"}[{window}]))'",
                "    trials: 'sum(increase(requests_total{version=\"{version}\"}[{window}]))'",
                "  - name: latency_ms",
                "    query: 'request_latency_ms{version=\"{version}\"}'",
                "    allowedChange: {ratio: 1.2}",
                "router: {type: command, setWeight: 'true', promote: 'true', rollback: 'true'}",
                "source: {type: prometheus, url: '" + prometheusUri + "', resolution: 1s, timeout: 5s, retries: 2, backoff: 500ms}",
                ""));
        RolloutPlan plan = PlanReader.read(file);
        try (RolloutController controller = RolloutController.create(plan, plan.stateFile(), router,
                MetricSources.create(plan, Sleeper.REAL), Clock.systemUTC(), Sleeper.REAL, "test")) {
            return controller.run();
        }
    }

    @Test
    public void shouldPromoteTheGoodCanaryAndRollBackTheBadOneOnPrometheusData() throws Exception {
        CompletableFuture<CanaryResult> good = CompletableFuture.supplyAsync(() -> unchecked(() -> rollout("good", GOOD)));
        CompletableFuture<CanaryResult> bad = CompletableFuture.supplyAsync(() -> unchecked(() -> rollout("bad", BAD)));

        CanaryResult promoted = good.get();
        CanaryResult rolledBack = bad.get();

        assertThat(promoted.decision()).as(promoted.summary() + "\n" + prometheus.logTail()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(promoted.steps()).hasSize(2);
        assertThat(promoted.steps()).allSatisfy(step -> assertThat(step.metrics().get(0).stable().n())
                .as("requests Prometheus counted").isGreaterThan(500));
        assertThat(promoted.steps().get(1).metrics().get(1).canary().n()).as("latency points").isGreaterThanOrEqualTo(3);
        assertThat(rolledBack.decision()).as(rolledBack.summary()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(rolledBack.steps().get(rolledBack.steps().size() - 1).metrics().get(0).classification()).isEqualTo(Classification.HIGH);
        assertThat(BAD.weight).isZero();
        assertThat(rolledBack.rollbackMillis()).isNotNull().isLessThan(1000L);
    }

    private interface Body<T> {
        T run() throws IOException;
    }

    private static <T> T unchecked(final Body<T> body) {
        try {
            return body.run();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
