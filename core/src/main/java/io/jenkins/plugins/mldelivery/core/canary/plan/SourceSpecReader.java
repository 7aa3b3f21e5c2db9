package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the {@code source} section of a plan.
 */
final class SourceSpecReader {
    private SourceSpecReader() {
        // static entry point only
    }

    /** The types a plan may name. */
    private enum Type {
        PROMETHEUS, COMMAND, REPLAY
    }

    static SourceSpec read(final PlanNode node, final Path directory) {
        Type type = node.choice("type", Type.class, null);
        if (type == null) {
            throw node.error("type", "missing (expected one of prometheus, command, replay)");
        }
        return switch (type) {
            case PROMETHEUS -> prometheus(node.allowOnly("type", "url", "resolution", "bearerTokenEnv", "retries", "backoff", "timeout"));
            case COMMAND -> new SourceSpec.Command(node.allowOnly("type", "command", "retries", "backoff", "timeout").command("command"),
                    retry(node, RetryPolicy.DEFAULT.timeout()));
            case REPLAY -> replay(node.allowOnly("type", "requests", "command", "requestsPerStep", "batchSize", "seed", "timeout"), directory);
        };
    }

    private static SourceSpec prometheus(final PlanNode node) {
        String text = node.text("url");
        URI url;
        try {
            url = new URI(text);
        }
        catch (URISyntaxException e) {
            throw node.error("url", "not a URL: '" + text + "'");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw node.error("url", "expected an http or https URL, found '" + text + "'");
        }
        Duration resolution = node.duration("resolution", Duration.ofSeconds(15));
        if (resolution.isZero()) {
            throw node.error("resolution", "expected a positive duration, found 0");
        }
        return new SourceSpec.Prometheus(url, resolution, node.text("bearerTokenEnv", null), retry(node, RetryPolicy.DEFAULT.timeout()));
    }

    private static SourceSpec replay(final PlanNode node, final Path directory) {
        Path requests = directory.resolve(node.text("requests"));
        CommandTemplate scoring = node.command("command");
        int requestsPerStep = node.integer("requestsPerStep", 0, 1, Integer.MAX_VALUE);
        int batchSize = node.integer("batchSize", 0, 1, Integer.MAX_VALUE);
        long seed = node.integer("seed", 1, 0, Integer.MAX_VALUE);
        Duration timeout = node.duration("timeout", Duration.ofMinutes(10));
        if (timeout.isZero()) {
            throw node.error("timeout", "expected a positive duration, found 0");
        }
        return new SourceSpec.Replay(requests, scoring, requestsPerStep, batchSize, seed, new RetryPolicy(0, Duration.ZERO, timeout));
    }

    private static RetryPolicy retry(final PlanNode node, final Duration defaultTimeout) {
        Duration timeout = node.duration("timeout", defaultTimeout);
        if (timeout.isZero()) {
            throw node.error("timeout", "expected a positive duration, found 0");
        }
        return new RetryPolicy(node.integer("retries", RetryPolicy.DEFAULT.retries(), 0, 20),
                node.duration("backoff", RetryPolicy.DEFAULT.backoff()), timeout);
    }
}
