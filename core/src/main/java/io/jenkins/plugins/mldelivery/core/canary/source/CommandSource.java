package io.jenkins.plugins.mldelivery.core.canary.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.canary.judge.MetricSamples;
import io.jenkins.plugins.mldelivery.core.canary.judge.Observation;
import io.jenkins.plugins.mldelivery.core.canary.plan.DurationText;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricKind;
import io.jenkins.plugins.mldelivery.core.canary.plan.MetricSpec;
import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.canary.runtime.ProcessRunner;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples printed by a user's command as JSON, for any metrics system without a source here:
 * <pre>{"stable": {"latency_ms": [12.1, 9.8], "error_rate": {"events": 3, "trials": 1200}},
 *  "canary": {"latency_ms": [11.7], "error_rate": {"events": 9, "trials": 61}}}</pre>
 * A continuous metric is a list of numbers, a rate an object of events and trials; a metric
 * left out has no data. {@code {window}}, {@code {start}}, {@code {end}} (Unix seconds),
 * {@code {weight}}, {@code {step}}, {@code {stableVersion}} and {@code {canaryVersion}} are substituted.
 */
public final class CommandSource implements MetricSource {
    private final SourceSpec.Command spec;
    private final List<MetricSpec> metrics;
    private final ModelIdentity stable;
    private final ModelIdentity canary;
    private final Path directory;

    /**
     * Creates the source.
     *
     * @param spec      the command and its retry policy
     * @param metrics   the metrics to read from its output
     * @param stable    the stable version
     * @param canary    the canary version
     * @param directory the directory the command runs in (the plan's)
     */
    public CommandSource(final SourceSpec.Command spec, final List<MetricSpec> metrics, final ModelIdentity stable,
            final ModelIdentity canary, final Path directory) {
        this.spec = spec;
        this.metrics = List.copyOf(metrics);
        this.stable = stable;
        this.canary = canary;
        this.directory = directory;
    }

    @Override
    public Collected collect(final AnalysisWindow window) {
        List<String> command = spec.command().render(Map.of("window", DurationText.format(window.length()),
                "start", String.valueOf(window.start().getEpochSecond()), "end", String.valueOf(window.end().getEpochSecond()),
                "weight", String.valueOf(window.weight()), "step", String.valueOf(window.step()),
                "stableVersion", stable.version(), "canaryVersion", canary.version()));
        String what = "metrics command '" + String.join(" ", command) + "'";
        ProcessRunner.Output output;
        try {
            output = ProcessRunner.run("metrics command", command, directory, spec.retry().timeout());
        }
        catch (ExternalSystemException e) {
            throw new MetricSourceException(e.getMessage(), true, e);
        }
        if (output.exitCode() != 0) {
            throw new MetricSourceException(what + " exited with " + output.exitCode() + ": " + output.lastLine(), true, null);
        }
        JsonNode root;
        try {
            root = ResultJson.mapper().readTree(output.stdout());
        }
        catch (IOException e) {
            throw new MetricSourceException(what + " printed no JSON: " + e.getMessage().lines().findFirst().orElse(""), false, e);
        }
        if (root == null || !root.isObject()) {
            throw new MetricSourceException(what + " printed no JSON object with 'stable' and 'canary'", false, null);
        }
        Map<String, MetricSamples> samples = new LinkedHashMap<>();
        for (MetricSpec metric : metrics) {
            samples.put(metric.name(), new MetricSamples(read(root, "stable", metric, what), read(root, "canary", metric, what)));
        }
        return new Collected(samples, List.of());
    }

    private static Observation read(final JsonNode root, final String role, final MetricSpec metric, final String what) {
        JsonNode value = root.path(role).get(metric.name());
        if (value == null || value.isNull()) {
            return null;
        }
        String where = what + ": " + role + "." + metric.name();
        if (metric.kind() == MetricKind.CONTINUOUS) {
            if (!value.isArray()) {
                throw new MetricSourceException(where + ": expected a list of numbers, found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT), false, null);
            }
            double[] values = new double[value.size()];
            for (int i = 0; i < values.length; i++) {
                if (!value.get(i).isNumber()) {
                    throw new MetricSourceException(where + "[" + i + "]: expected a number, found '" + value.get(i).asText() + "'", false, null);
                }
                values[i] = value.get(i).asDouble();
            }
            return Observation.Values.of(values);
        }
        if (!value.path("events").canConvertToLong() || !value.path("trials").canConvertToLong()
                || !value.path("events").isIntegralNumber() || !value.path("trials").isIntegralNumber()) {
            throw new MetricSourceException(where + ": expected {\"events\": N, \"trials\": N} with whole numbers, found " + value, false, null);
        }
        try {
            return new Observation.Counts(value.get("events").asLong(), value.get("trials").asLong());
        }
        catch (IllegalArgumentException e) {
            throw new MetricSourceException(where + ": " + e.getMessage(), false, e);
        }
    }
}
