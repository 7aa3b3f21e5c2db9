package io.jenkins.plugins.mldelivery.core.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on loopback that stands between a client and a real MLflow server to inject
 * faults: it answers the first {@code failures} requests with a fixed status and body, then
 * forwards every further request to the real server (or keeps failing when there is none).
 * It records the {@code Authorization} header of every request.
 */
public final class FaultyHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final URI target;
    private final int failures;
    private final int status;
    private final String body;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FaultyHttpServer(final URI target, final int failures, final int status, final String body) throws IOException {
        this.target = target;
        this.failures = failures;
        this.status = status;
        this.body = body;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server that fails the first requests and forwards the rest to {@code target}.
     *
     * @param target   the real server, or {@code null} to fail every request
     * @param failures how many requests to fail first
     * @param status   the status of a failed answer
     * @param body     the body of a failed answer
     * @return the running server
     */
    public static FaultyHttpServer failingFirst(final URI target, final int failures, final int status, final String body) {
        try {
            return new FaultyHttpServer(target, failures, status, body);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server that answers every request with one status and body.
     *
     * @param status the status
     * @param body   the body
     * @return the running server
     */
    public static FaultyHttpServer alwaysAnswering(final int status, final String body) {
        return failingFirst(null, Integer.MAX_VALUE, status, body);
    }

    /**
     * Returns the server's base URI.
     *
     * @return e.g. {@code http://127.0.0.1:40123}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Returns how many requests arrived.
     *
     * @return the count
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Returns the {@code Authorization} header of each request, in order ({@code ""} when absent).
     *
     * @return the headers
     */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            if (requests.incrementAndGet() <= failures || target == null) {
                answer(exchange, status, body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, response.statusCode(), response.body());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(final HttpExchange exchange, final int code, final byte[] content) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, content.length == 0 ? -1 : content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
