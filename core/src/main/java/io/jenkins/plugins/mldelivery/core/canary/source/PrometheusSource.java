package io.jenkins.plugins.mldelivery.core.canary.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.DurationText;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples from Prometheus' HTTP API. A continuous metric is a range query
 * ({@code /api/v1/query_range}) over the step's window at the plan's resolution, each point of
 * each returned series one sample; a rate is two instant queries ({@code /api/v1/query} at the
 * window's end), events and trials, each summed over the returned series. Queries are templated
 * with {@code {version}}, {@code {window}} (e.g. {@code 300s}), {@code {start}}, {@code {end}}
 * (Unix seconds), {@code {weight}} and {@code {role}} ({@code stable} or {@code canary}).
 */
public final class PrometheusSource implements MetricSource {
    private final SourceSpec.Prometheus spec;
    private final List<MetricSpec> metrics;
    private final ModelIdentity stable;
    private final ModelIdentity canary;
    private final HttpClient client;

    /**
     * Creates the source.
     *
     * @param spec    the server and its retry policy
     * @param metrics the metrics with their queries
     * @param stable  the stable version
     * @param canary  the canary version
     */
    public PrometheusSource(final SourceSpec.Prometheus spec, final List<MetricSpec> metrics, final ModelIdentity stable,
            final ModelIdentity canary) {
        this.spec = spec;
        this.metrics = List.copyOf(metrics);
        this.stable = stable;
        this.canary = canary;
        this.client = HttpClient.newBuilder().connectTimeout(spec.retry().timeout()).build();
    }

    @Override
    public Collected collect(final AnalysisWindow window) {
        Map<String, MetricSamples> samples = new LinkedHashMap<>();
        for (MetricSpec metric : metrics) {
            samples.put(metric.name(), new MetricSamples(observe(metric, stable, "stable", window),
                    observe(metric, canary, "canary", window)));
        }
        return new Collected(samples, List.of());
    }

    private Observation observe(final MetricSpec metric, final ModelIdentity version, final String role, final AnalysisWindow window) {
        Map<String, String> values = Map.of("version", version.version(), "role", role,
                "window", DurationText.format(window.length()), "start", seconds(window.start()), "end", seconds(window.end()),
                "weight", String.valueOf(window.weight()));
        if (metric.kind() == MetricKind.CONTINUOUS) {
            String query = Placeholders.fill(metric.queries().get("query"), values);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("query", query);
            parameters.put("start", seconds(window.start()));
            parameters.put("end", seconds(window.end()));
            parameters.put("step", BigDecimal.valueOf(spec.resolution().toMillis(), 3).stripTrailingZeros().toPlainString());
            JsonNode data = get("query_range", parameters, metric, role);
            List<Double> points = new ArrayList<>();
            for (JsonNode series : data.path("result")) {
                for (JsonNode point : series.path("values")) {
                    points.add(number(point.get(1)));
                }
            }
            return Observation.Values.of(points.stream().mapToDouble(Double::doubleValue).toArray());
        }
        Double events = scalar(metric, role, Placeholders.fill(metric.queries().get("events"), values), window);
        Double trials = scalar(metric, role, Placeholders.fill(metric.queries().get("trials"), values), window);
        if (events == null || trials == null) {
            return null;
        }
        // increase() extrapolates, so counts arrive fractional and, rarely, with events just above trials
        long trialCount = Math.max(0, Math.round(trials));
        long eventCount = Math.min(trialCount, Math.max(0, Math.round(events)));
        return new Observation.Counts(eventCount, trialCount);
    }

    /** Runs an instant query and sums its series; {@code null} when Prometheus has no series. */
    private Double scalar(final MetricSpec metric, final String role, final String query, final AnalysisWindow window) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", query);
        parameters.put("time", seconds(window.end()));
        JsonNode data = get("query", parameters, metric, role);
        JsonNode result = data.path("result");
        if ("scalar".equals(data.path("resultType").asText())) {
            return number(result.get(1));
        }
        if (result.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (JsonNode series : result) {
            double value = number(series.path("value").get(1));
            if (Double.isFinite(value)) {
                sum += value;
            }
        }
        return sum;
    }

    private JsonNode get(final String endpoint, final Map<String, String> parameters, final MetricSpec metric, final String role) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI uri = URI.create(spec.url().toString().replaceAll("/+$", "") + "/api/v1/" + endpoint + "?" + query);
        String what = "prometheus " + spec.url() + ": " + metric.name() + " (" + role + ") " + endpoint + " '" + parameters.get("query") + "'";
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(spec.retry().timeout()).GET();
        if (spec.bearerTokenEnv() != null && System.getenv(spec.bearerTokenEnv()) != null) {
            request.header("Authorization", "Bearer " + System.getenv(spec.bearerTokenEnv()));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpTimeoutException e) {
            throw new MetricSourceException(what + ": no answer within " + DurationText.format(spec.retry().timeout()), true, e);
        }
        catch (IOException e) {
            throw new MetricSourceException(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricSourceException(what + ": interrupted", false, e);
        }
        JsonNode body;
        try {
            body = ResultJson.mapper().readTree(response.body());
        }
        catch (IOException e) {
            throw new MetricSourceException(what + ": HTTP " + response.statusCode() + " with a body that is not JSON", response.statusCode() >= 500, e);
        }
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            String error = body.path("error").asText("HTTP " + response.statusCode());
            // 4xx means the query itself is wrong (bad_data); asking again cannot help
            throw new MetricSourceException(what + ": HTTP " + response.statusCode() + " " + body.path("errorType").asText("")
                    + ": " + error, response.statusCode() >= 500 || response.statusCode() == 429, null);
        }
        return body.path("data");
    }

    private static double number(final JsonNode value) {
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.asText());
        }
        catch (NumberFormatException e) {
            return Double.NaN; // Prometheus writes NaN and ±Inf as text; they are not samples
        }
    }

    private static String seconds(final Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
    }
}
