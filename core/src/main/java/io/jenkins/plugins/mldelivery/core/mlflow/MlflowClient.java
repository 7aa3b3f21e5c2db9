package io.jenkins.plugins.mldelivery.core.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The HTTP transport to one MLflow server's REST API, shared by the model registry and the
 * training's tracking calls. Endpoints are named as in MLflow's REST reference, relative to
 * {@code /api/2.0/mlflow/} ({@code registered-models/create}, {@code runs/log-batch}); a name that
 * starts with {@code /} is taken from the base URI's root instead (the artifact proxy). Transient
 * failures (connection errors, timeouts, 429 and 5xx answers, the statuses MLflow's own client
 * retries) are retried with exponential backoff; every failure ends in one line naming the server,
 * the request, the status and MLflow's {@code error_code} and message.
 */
public final class MlflowClient {
    private static final String API_PREFIX = "/api/2.0/mlflow/";
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final int MAX_DETAIL_LENGTH = 300;

    private final URI baseUri;
    private final MlflowCredentials credentials;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;
    private final HttpClient http;

    private MlflowClient(final Builder builder) {
        this.baseUri = builder.baseUri;
        this.credentials = builder.credentials;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Starts building a client for the server at a base URI, e.g. {@code http://127.0.0.1:5000}.
     *
     * @param baseUri the server's base URI (with a path prefix if the server sits behind one)
     * @return a builder with MLflow's defaults: no credentials, 4 attempts, backoff from 250 ms
     */
    public static Builder at(final URI baseUri) {
        return new Builder(baseUri);
    }

    /**
     * Returns the server's base URI, without a trailing slash.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Sends a GET with query parameters.
     *
     * @param endpoint the endpoint, e.g. {@code registered-models/get}
     * @param query    the query parameters, in order; values are URL-encoded here
     * @return the answer's JSON (an empty object for an empty answer)
     * @throws MlflowApiException       when the server answers an error status
     * @throws ExternalSystemException  when the server cannot be reached
     */
    public JsonNode get(final String endpoint, final Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((key, value) -> joined.add(encode(key) + "=" + encode(value)));
        return send("GET", endpoint, joined.toString(), BodyPublishers.noBody(), null);
    }

    /**
     * Sends a POST with a JSON body.
     *
     * @param endpoint the endpoint, e.g. {@code runs/log-batch}
     * @param body     the body, serialised with the shared mapper (a Map, a record or a JsonNode)
     * @return the answer's JSON
     */
    public JsonNode post(final String endpoint, final Object body) {
        return send("POST", endpoint, "", json(body), "application/json");
    }

    /**
     * Sends a PATCH with a JSON body (MLflow's update endpoints).
     *
     * @param endpoint the endpoint, e.g. {@code model-versions/update}
     * @param body     the body
     * @return the answer's JSON
     */
    public JsonNode patch(final String endpoint, final Object body) {
        return send("PATCH", endpoint, "", json(body), "application/json");
    }

    /**
     * Sends a DELETE with a JSON body (MLflow reads DELETE parameters from the body).
     *
     * @param endpoint the endpoint, e.g. {@code registered-models/alias}
     * @param body     the body
     * @return the answer's JSON
     */
    public JsonNode delete(final String endpoint, final Object body) {
        return send("DELETE", endpoint, "", json(body), "application/json");
    }

    /**
     * Uploads a file with PUT, as MLflow's artifact proxy expects
     * ({@code /api/2.0/mlflow-artifacts/artifacts/PATH}).
     *
     * @param endpoint the endpoint; usually absolute ({@code /api/2.0/mlflow-artifacts/artifacts/...})
     * @param file     the file to send
     * @return the answer's JSON
     */
    public JsonNode put(final String endpoint, final Path file) {
        try {
            return send("PUT", endpoint, "", BodyPublishers.ofFile(file), "application/octet-stream");
        }
        catch (FileNotFoundException e) {
            throw new BadInputException(file + ": no such file");
        }
    }

    /**
     * Returns how long one request waits for the server's answer before it is tried again or given up.
     *
     * @return the request timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns how many times a request is tried.
     *
     * @return the number of attempts
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    private JsonNode send(final String method, final String endpoint, final String query,
            final BodyPublisher body, final String contentType) {
        HttpResponse<String> response = exchange(method, endpoint, query, body, contentType, "application/json",
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), text -> text);
        return parse(response.body(), method + " " + endpoint);
    }

    /**
     * Downloads a file with GET into {@code target} (replaced), as MLflow's artifact proxy serves
     * it ({@code /api/2.0/mlflow-artifacts/artifacts/PATH}), with the client's credentials,
     * timeouts and retries.
     *
     * @param endpoint the endpoint, usually absolute
     * @param target   the file to write
     * @throws MlflowApiException when the server refuses (its status says why; 404: no such artifact)
     * @throws ExternalSystemException when the server cannot be reached or the file cannot be written
     */
    public void download(final String endpoint, final Path target) {
        HttpResponse<InputStream> response = exchange("GET", endpoint, "", BodyPublishers.noBody(), null, "*/*",
                HttpResponse.BodyHandlers.ofInputStream(), MlflowClient::start);
        try (InputStream in = response.body()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new ExternalSystemException("MLflow " + baseUri + ": GET " + endpoint + ": cannot write " + target + ": "
                    + describe(e), e);
        }
    }

    /** The start of an error answer's body, for the message (the rest is not read). */
    private static String start(final InputStream body) {
        try (InputStream in = body) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "";
        }
    }

    /** Sends a request, tries it again on transient failures, and returns the first successful answer. */
    private <T> HttpResponse<T> exchange(final String method, final String endpoint, final String query, final BodyPublisher body,
            final String contentType, final String accept, final HttpResponse.BodyHandler<T> handler,
            final Function<T, String> errorText) {
        URI uri = URI.create(baseUri + (endpoint.startsWith("/") ? endpoint : API_PREFIX + endpoint) + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", accept)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        credentials.authorization().ifPresent(value -> request.header("Authorization", value));
        String what = method + " " + endpoint;
        String lastProblem = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(attempt - 1, what);
            }
            HttpResponse<T> response;
            try {
                response = http.send(request.build(), handler);
            }
            catch (IOException e) {
                lastProblem = describe(e);
                continue;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExternalSystemException("MLflow " + baseUri + ": " + what + ": interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            MlflowApiException failure = failure(what, status, errorText.apply(response.body()), attempt);
            if (!TRANSIENT_STATUSES.contains(status) || attempt == maxAttempts) {
                throw failure;
            }
        }
        throw new ExternalSystemException("MLflow " + baseUri + " is unreachable: " + what + ": " + lastProblem
                + " (after " + maxAttempts + " attempts)");
    }

    private MlflowApiException failure(final String what, final int status, final String body, final int attempts) {
        String errorCode = "";
        String message = body == null ? "" : body;
        try {
            JsonNode error = mapper().readTree(message);
            if (error != null && error.isObject() && error.has("error_code")) {
                errorCode = error.path("error_code").asText("");
                message = error.path("message").asText("");
            }
        }
        catch (JsonProcessingException e) {
            // not MLflow's JSON (a proxy's HTML page, a bare text): quote its start
        }
        String detail = shorten(message);
        String text = "MLflow " + baseUri + ": " + what + " answered " + status
                + (errorCode.isEmpty() ? "" : " " + errorCode) + (detail.isEmpty() ? "" : ": " + detail)
                + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
        return new MlflowApiException(text, status, errorCode, detail);
    }

    private JsonNode parse(final String body, final String what) {
        if (body == null || body.isBlank()) {
            return mapper().createObjectNode();
        }
        try {
            return mapper().readTree(body);
        }
        catch (JsonProcessingException e) {
            throw new ExternalSystemException("MLflow " + baseUri + ": " + what
                    + " answered something that is not JSON (is this an MLflow server?): " + shorten(body), e);
        }
    }

    private void pause(final int retry, final String what) {
        long millis = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(retry - 1, 20));
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalSystemException("MLflow " + baseUri + ": " + what + ": interrupted while retrying", e);
        }
    }

    private static String describe(final IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(message));
    }

    private static BodyPublisher json(final Object body) {
        try {
            return BodyPublishers.ofString(mapper().writeValueAsString(body), StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the request body: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return ResultJson.mapper();
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(final String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH) + "…";
    }

    /** Builds a client; the defaults follow MLflow's own Python client. */
    public static final class Builder {
        private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
        private final URI baseUri;
        private MlflowCredentials credentials = MlflowCredentials.none();
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = requestTimeoutFrom(System.getenv("MLFLOW_HTTP_REQUEST_TIMEOUT"),
                System.getProperty("MLFLOW_HTTP_REQUEST_TIMEOUT"));

        private Builder(final URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || baseUri.getHost() == null) {
                throw new BadInputException("MLflow URI '" + baseUri + "': expected http://HOST:PORT or https://HOST[:PORT][/PATH]");
            }
            String text = baseUri.toString();
            this.baseUri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        /**
         * Authenticates with these credentials.
         *
         * @param value the credentials
         * @return this builder
         */
        public Builder withCredentials(final MlflowCredentials value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Tries each request at most this many times (1 means no retry).
         *
         * @param value the number of attempts, at least 1
         * @return this builder
         */
        public Builder withMaxAttempts(final int value) {
            if (value < 1) {
                throw new IllegalArgumentException("at least one attempt is needed: " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * Waits this long before the first retry, doubling before each further one up to the maximum.
         *
         * @param initial the first pause
         * @param max     the longest pause
         * @return this builder
         */
        public Builder withBackoff(final Duration initial, final Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Gives up on connecting, and on a request's answer, after these times.
         *
         * @param connect the connect timeout
         * @param request the timeout of one request
         * @return this builder
         */
        public Builder withTimeouts(final Duration connect, final Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.requestTimeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /**
         * Returns how long one request waits for an answer: the seconds set by MLflow's own variable
         * {@code MLFLOW_HTTP_REQUEST_TIMEOUT} (environment, else system property), else 30 s, so that a
         * frozen server costs a bounded wait, not minutes.
         *
         * @param environment the environment variable's value, or null
         * @param property    the system property's value, or null
         * @return the timeout
         * @throws BadInputException if the value set is not a positive number of seconds
         */
        static Duration requestTimeoutFrom(final String environment, final String property) {
            String value = environment != null && !environment.isBlank() ? environment : property;
            if (value == null || value.isBlank()) {
                return DEFAULT_REQUEST_TIMEOUT;
            }
            try {
                double seconds = Double.parseDouble(value.strip());
                if (seconds > 0 && seconds <= Duration.ofDays(1).toSeconds()) {
                    return Duration.ofMillis(Math.round(seconds * 1000));
                }
            }
            catch (NumberFormatException e) {
                // reported below
            }
            throw new BadInputException("MLFLOW_HTTP_REQUEST_TIMEOUT='" + value + "': expected a positive number of seconds, e.g. 30");
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public MlflowClient build() {
            return new MlflowClient(this);
        }
    }
}
