package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket on loopback) the way
 * a person's browser would open a page: it loads the page, records every JavaScript exception,
 * console error and dialog, evaluates expressions in the page and takes full-page screenshots.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ServerProcess process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private HeadlessChromium(final ServerProcess process, final WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Starts Chromium with a fresh profile and attaches to its first page.
     *
     * @param profile an empty directory for the browser's profile
     * @return the browser
     */
    static HeadlessChromium start(final Path profile) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = List.of(ExternalTools.chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.resolve("profile"),
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=" + port, "about:blank");
        URI base = URI.create("http://127.0.0.1:" + port);
        ServerProcess process = ServerProcess.start(command, Map.of(), profile, base.resolve("/json/version"), TIMEOUT);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            String pages = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String url = null;
            for (JsonNode target : ResultJson.mapper().readTree(pages)) {
                if ("page".equals(target.path("type").asText())) {
                    url = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (url == null) {
                throw new IllegalStateException("Chromium opened no page: " + pages);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(url), listener).get(30, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, socket);
            listener.browser = chromium;
            chromium.call("Runtime.enable", null);
            chromium.call("Log.enable", null);
            chromium.call("Page.enable", null);
            return chromium;
        }
        catch (Exception e) {
            process.close();
            throw e;
        }
    }

    /** Collects the browser's messages, which may arrive in parts. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                browser.receive(text);
            }
            webSocket.request(1);
            return null;
        }
    }

    private void receive(final String text) {
        try {
            JsonNode json = ResultJson.mapper().readTree(text);
            if (json.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(json.path("id").asInt());
                if (answer != null) {
                    answer.complete(json);
                }
            }
            else {
                events.add(json);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Calls a DevTools method and waits for its result.
     *
     * @param method e.g. {@code Page.navigate}
     * @param params the parameters, or null
     * @return the result
     */
    JsonNode call(final String method, final ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode request = ResultJson.mapper().createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            request.set("params", params);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(request.toString(), true).get(30, TimeUnit.SECONDS);
        JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.path("error"));
        }
        return response.path("result");
    }

    static ObjectNode params() {
        return ResultJson.mapper().createObjectNode();
    }

    /** Opens a page at a given window size and waits until its load event. */
    void open(final URI page, final int width, final int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        call("Page.navigate", params().put("url", page.toString()));
        await(event -> "Page.loadEventFired".equals(event.path("method").asText()), "the page's load event");
    }

    /** Evaluates an expression in the page and returns its value (by value, so objects come back as JSON). */
    JsonNode evaluate(final String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until an expression is true in the page. */
    void awaitTrue(final String expression) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate(expression).asBoolean(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still false after " + TIMEOUT + ": " + expression + "; problems: " + problems());
    }

    private void await(final Predicate<JsonNode> condition, final String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (events.stream().anyMatch(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " after " + TIMEOUT + "; problems: " + problems());
    }

    /**
     * Returns what a person would call a broken page: uncaught exceptions, console errors and
     * assertions, browser log errors (such as Content-Security-Policy violations) and dialogs.
     *
     * @return one line per problem
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode event : events) {
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails").path("exception")
                        .path("description").asText(params.path("exceptionDetails").path("text").asText()));
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        problems.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        problems.add("log: " + params.path("entry").path("text").asText());
                    }
                }
                case "Page.javascriptDialogOpening" -> problems.add("dialog: " + params.path("message").asText());
                default -> {
                    // other events say nothing about the page's health
                }
            }
        }
        return problems;
    }

    /** Saves a PNG of the whole page, not just the window. */
    void screenshot(final Path file) throws Exception {
        JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
        ObjectNode clip = params().put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", size.path("height").asDouble()).put("scale", 1);
        ObjectNode params = params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
        catch (Exception ignored) {
            // the process is stopped below either way
        }
        process.close();
    }
}
