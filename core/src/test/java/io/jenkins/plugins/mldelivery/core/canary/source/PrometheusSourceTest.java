package io.jenkins.plugins.mldelivery.core.canary.source;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.AllowedChange;
import io.jenkins.plugins.mldelivery.core.canary.plan.Direction;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RetryPolicy;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Prometheus source against a loopback server that answers like Prometheus' HTTP API
 * (the real server is exercised end to end by {@code PrometheusRolloutTest}).
 */
public class PrometheusSourceTest {
    private static final AnalysisWindow WINDOW = new AnalysisWindow(1, 25, Instant.parse("2026-08-01T10:00:00Z"),
            Instant.parse("2026-08-01T10:05:00Z"));
    private static final MetricSpec LATENCY = new MetricSpec("latency_ms", MetricKind.CONTINUOUS, Direction.INCREASE, AllowedChange.NONE,
            false, false, 1, Map.of("query", "histogram_quantile(0.95, rate(latency_bucket{version=\"{version}\"}[1m]))"));
    private static final MetricSpec ERRORS = new MetricSpec("error_rate", MetricKind.RATE, Direction.INCREASE, AllowedChange.NONE,
            true, false, 1, Map.of("events", "sum(increase(requests_total{version=\"{version}\",code=~\"5..\"}[{window}]))",
            "trials", "sum(increase(requests_total{version=\"{version}\"}[{window}]))"));

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private Function<String, Map.Entry<Integer, String>> answer;

    @Before
    public void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = exchange.getRequestURI().getPath() + "?" + URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            requests.add(request);
            Map.Entry<Integer, String> response = answer.apply(request);
            byte[] body = response.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getKey(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @After
    public void stopServer() {
        server.stop(0);
    }

    private PrometheusSource source(final MetricSpec metric) {
        return new PrometheusSource(new SourceSpec.Prometheus(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(15), null, new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(2))),
                List.of(metric), new ModelIdentity("v3", null), new ModelIdentity("v4", null));
    }

    @Test
    public void shouldTakeEveryPointOfARangeQueryAsASample() {
        answer = request -> Map.entry(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"pod\":\"a\"},\"values\":[[1785578400,\"12.5\"],[1785578415,\"NaN\"],[1785578430,\"13\"]]},"
                + "{\"metric\":{\"pod\":\"b\"},\"values\":[[1785578400,\"11\"]]}]}}");

        Collected collected = source(LATENCY).collect(WINDOW);

        assertThat(collected.samples().get("latency_ms").canary()).isEqualTo(Observation.Values.of(12.5, 13, 11));
        assertThat(requests.get(0)).isEqualTo("/api/v1/query_range?query=histogram_quantile(0.95, rate(latency_bucket{version=\"v3\"}[1m]))"
                + "&start=1785578400.000&end=1785578700.000&step=15");
        assertThat(requests.get(1)).contains("version=\"v4\"");
    }

    @Test
    public void shouldSumTheSeriesOfEventAndTrialQueriesAtTheWindowsEnd() {
        answer = request -> Map.entry(200, request.contains("5..")
                ? "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1785578700,\"3.9\"]},"
                        + "{\"metric\":{},\"value\":[1785578700,\"2\"]}]}}"
                : "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1785578700,\"1200.4\"]}]}}");

        Collected collected = source(ERRORS).collect(WINDOW);

        assertThat(collected.samples().get("error_rate").stable()).isEqualTo(new Observation.Counts(6, 1200));
        assertThat(requests.get(0)).isEqualTo("/api/v1/query?query=sum(increase(requests_total{version=\"v3\",code=~\"5..\"}[5m]))"
                + "&time=1785578700.000");
    }

    @Test
    public void shouldReportNoDataWhenPrometheusHasNoSeries() {
        answer = request -> Map.entry(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        Collected collected = source(ERRORS).collect(WINDOW);

        assertThat(collected.samples().get("error_rate").complete()).isFalse();
    }

    @Test
    public void shouldNotRetryAQueryPrometheusRejects() {
        answer = request -> Map.entry(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:15: parse error: unexpected \\\"}\\\"\"}");

        assertThatThrownBy(() -> source(LATENCY).collect(WINDOW)).isInstanceOfSatisfying(MetricSourceException.class,
                e -> assertThat(e.retryable()).isFalse())
                .hasMessageEndingWith("latency_ms (stable) query_range 'histogram_quantile(0.95, rate(latency_bucket{version=\"v3\"}[1m]))': "
                        + "HTTP 400 bad_data: 1:15: parse error: unexpected \"}\"");
    }

    @Test
    public void shouldRetryAServerError() {
        answer = request -> Map.entry(503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"too many queries\"}");

        assertThatThrownBy(() -> source(LATENCY).collect(WINDOW)).isInstanceOfSatisfying(MetricSourceException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    public void shouldRetryWhenNothingListens() {
        int closed = ServerProcess.freePort();
        PrometheusSource source = new PrometheusSource(new SourceSpec.Prometheus(URI.create("http://127.0.0.1:" + closed),
                Duration.ofSeconds(15), null, new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(2))),
                List.of(LATENCY), new ModelIdentity("v3", null), new ModelIdentity("v4", null));

        assertThatThrownBy(() -> source.collect(WINDOW)).isInstanceOfSatisfying(MetricSourceException.class,
                e -> assertThat(e.retryable()).isTrue()).hasMessageStartingWith("prometheus http://127.0.0.1:" + closed + ": latency_ms (stable)");
    }

    @Test
    public void shouldGiveUpOnASlowServerAfterTheTimeoutAndRetry() {
        answer = request -> {
            try {
                Thread.sleep(1500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.entry(200, "{}");
        };
        PrometheusSource source = new PrometheusSource(new SourceSpec.Prometheus(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(15), null, new RetryPolicy(0, Duration.ZERO, Duration.ofMillis(300))),
                List.of(LATENCY), new ModelIdentity("v3", null), new ModelIdentity("v4", null));

        assertThatThrownBy(() -> source.collect(WINDOW)).isInstanceOfSatisfying(MetricSourceException.class,
                e -> assertThat(e.retryable()).isTrue()).hasMessageEndingWith("no answer within 300ms");
    }
}
