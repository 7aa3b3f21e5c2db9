package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the judge's samples come from.
 */
public sealed interface SourceSpec permits SourceSpec.Prometheus, SourceSpec.Command, SourceSpec.Replay {
    /**
     * Returns how the source is retried.
     *
     * @return the retry policy
     */
    RetryPolicy retry();

    /**
     * Prometheus' HTTP query API.
     *
     * @param url            the server's base URL, e.g. {@code http://prometheus:9090}
     * @param resolution     the {@code step} of range queries: one sample per resolution
     * @param bearerTokenEnv the environment variable holding a bearer token, or {@code null}
     * @param retry          how requests are retried
     */
    record Prometheus(URI url, Duration resolution, String bearerTokenEnv, RetryPolicy retry) implements SourceSpec {
        /** Validates the fields. */
        public Prometheus {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(retry, "retry");
        }
    }

    /**
     * A user command that prints the samples of both versions as JSON.
     *
     * @param command the command; {@code {window}}, {@code {start}}, {@code {end}}, {@code {weight}},
     *                {@code {stableVersion}}, {@code {canaryVersion}} and {@code {step}} are substituted
     * @param retry   how the command is retried
     */
    record Command(CommandTemplate command, RetryPolicy retry) implements SourceSpec {
        /** Validates the fields. */
        public Command {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(retry, "retry");
        }
    }

    /**
     * An offline canary: recorded requests are split by the step's weight and sent through the
     * stable and the canary model's scoring command.
     *
     * @param requests        the recorded requests (CSV with the feature columns, {@code label} and {@code id} if known)
     * @param scoring         the scoring command; {@code {model}}, {@code {input}}, {@code {output}} and {@code {version}} are substituted
     * @param requestsPerStep how many recorded requests each analysed step replays; 0 shares the file evenly
     * @param batchSize       requests per scoring call; 0 sends each side's share of a step in one call
     * @param seed            the seed of the request-to-version assignment
     * @param retry           the timeout of one scoring call (failed calls are not repeated: their requests count as errors)
     */
    record Replay(Path requests, CommandTemplate scoring, int requestsPerStep, int batchSize, long seed, RetryPolicy retry)
            implements SourceSpec {
        /**
         * The metrics a replay measures, and their kinds: requests without a valid prediction,
         * wrong predictions among labelled answers, positive predictions, per-request log loss,
         * and per-request latency.
         */
        public static final Map<String, MetricKind> METRICS = metrics();

        private static Map<String, MetricKind> metrics() {
            Map<String, MetricKind> metrics = new LinkedHashMap<>();
            metrics.put("error_rate", MetricKind.RATE);
            metrics.put("misclassification_rate", MetricKind.RATE);
            metrics.put("positive_rate", MetricKind.RATE);
            metrics.put("logloss", MetricKind.CONTINUOUS);
            metrics.put("latency_ms", MetricKind.CONTINUOUS);
            return Collections.unmodifiableMap(metrics);
        }

        /** Validates the fields. */
        public Replay {
            Objects.requireNonNull(requests, "requests");
            Objects.requireNonNull(scoring, "scoring");
            Objects.requireNonNull(retry, "retry");
            if (requestsPerStep < 0 || batchSize < 0) {
                throw new IllegalArgumentException("requestsPerStep and batchSize must not be negative");
            }
        }
    }
}
