package io.jenkins.plugins.mldelivery.core.canary.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rollout plan from YAML, optionally overridden by values (the Jenkins step's arguments),
 * and checks it whole: every error is one line naming the plan file and the key.
 */
public final class PlanReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(6);

    private PlanReader() {
        // static entry points only
    }

    /**
     * Reads a plan file.
     *
     * @param file the YAML plan
     * @return the plan
     * @throws BadInputException naming the file and key of the first problem
     */
    public static RolloutPlan read(final Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads a plan file whose top-level keys are replaced by the given values, e.g. the
     * {@code steps} a pipeline step was called with.
     *
     * @param file      the YAML plan
     * @param overrides top-level keys and their values (lists, maps, numbers, texts)
     * @return the plan
     * @throws BadInputException naming the file and key of the first problem
     */
    public static RolloutPlan read(final Path file, final Map<String, ?> overrides) {
        byte[] content = load(file);
        JsonNode tree;
        try {
            tree = YAML.readTree(content);
        }
        catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            // SnakeYAML's message quotes the line with a caret under it; keep only its sentences, on one line
            String problem = e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .collect(java.util.stream.Collectors.joining(": "));
            throw new BadInputException(file + where + ": not valid YAML: " + problem);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (tree instanceof ObjectNode object) {
            overrides.forEach((key, value) -> object.set(key, YAML.valueToTree(value)));
        }
        return parse(PlanNode.root(file, tree), FileDigest.sha256Hex(content));
    }

    private static byte[] load(final Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such plan file");
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot read the plan (" + e.getMessage() + ")", e);
        }
    }

    private static RolloutPlan parse(final PlanNode root, final String sha256) {
        root.allowOnly("model", "stable", "canary", "steps", "interval", "maxDuration", "inconclusive", "onRestart",
                "alpha", "spending", "thresholds", "state", "metrics", "router", "source", "registry");
        Path directory = root.file().toAbsolutePath().getParent();
        SourceSpec source = SourceSpecReader.read(root.object("source"), directory);
        boolean replay = source instanceof SourceSpec.Replay;
        RouterSpec router = root.has("router") ? RouterSpecReader.read(root.object("router"))
                : replay ? new RouterSpec.None() : null;
        if (router == null) {
            throw root.error("router", "missing (expected a mapping with type kubernetes-replicas, gateway-httproute, "
                    + "istio-virtualservice, haproxy, command or none)");
        }
        if (replay && !(router instanceof RouterSpec.None)) {
            throw root.error("router", "a replay source splits recorded requests itself; use router type none or leave router out");
        }
        String registry = root.text("registry", null);
        ModelIdentity stable = identity(root.object("stable"), replay, registry != null);
        ModelIdentity canary = identity(root.object("canary"), replay, registry != null);
        Duration interval = root.has("interval") ? root.duration("interval", Duration.ZERO)
                : replay ? Duration.ZERO : null;
        List<TrafficStep> steps = steps(root, interval);
        double alpha = root.number("alpha", 0.05, 1e-6, 0.49);
        Thresholds thresholds = thresholds(root);
        Path stateFile = root.has("state") ? directory.resolve(root.text("state"))
                : directory.resolve(baseName(root.file()) + ".state.json");
        List<MetricSpec> metrics = MetricSpecReader.read(root, source);
        try {
            return new RolloutPlan(root.file(), sha256, root.text("model"), stable, canary, steps,
                    root.duration("maxDuration", DEFAULT_MAX_DURATION),
                    root.choice("inconclusive", InconclusivePolicy.class, InconclusivePolicy.ROLLBACK),
                    root.choice("onRestart", RestartPolicy.class, RestartPolicy.RESUME),
                    alpha, root.choice("spending", SpendingFunction.class, SpendingFunction.OBRIEN_FLEMING), thresholds, stateFile,
                    metrics, router, source, registry == null ? null : registryUri(root, registry, directory));
        }
        catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static ModelIdentity identity(final PlanNode node, final boolean replay, final boolean registry) {
        node.allowOnly("version", "model", "alias", "previous");
        String alias = node.text("alias", null);
        boolean previous = node.bool("previous", false);
        if (alias != null || registry && replay && node.has("version") && !node.has("model")) {
            if (!registry) {
                throw node.error("alias", "an alias needs a registry (registry: file:DIR or mlflow:http://HOST:PORT)");
            }
            if (alias != null && node.has("version")) {
                throw node.error("version", "give a version or an alias, not both");
            }
            if (alias == null && !node.text("version").matches("[1-9][0-9]*")) {
                throw node.error("version", "expected a registry version number, found '" + node.text("version") + "'");
            }
        }
        else if (previous) {
            throw node.error("previous", "only an alias has a previous version");
        }
        else if (!node.has("version")) {
            throw node.error("version", "missing (expected the version label, or an alias with a registry)");
        }
        else if (replay && !node.has("model")) {
            throw node.error("model", "missing (a replay needs the model file its scoring command loads)");
        }
        return new ModelIdentity(node.text("version", null), node.text("model", null), alias, previous);
    }

    /** Resolves a relative {@code file:} registry against the plan's directory, as every other path of the plan. */
    private static String registryUri(final PlanNode root, final String text, final Path directory) {
        if (!text.startsWith("file:") && !text.startsWith("mlflow:")) {
            throw root.error("registry", "expected file:DIR or mlflow:http://HOST:PORT, found '" + text + "'");
        }
        return text.startsWith("file:") ? "file:" + directory.resolve(text.substring("file:".length())).normalize() : text;
    }

    private static List<TrafficStep> steps(final PlanNode root, final Duration interval) {
        List<TrafficStep> steps = new ArrayList<>();
        int previous = 0;
        for (PlanNode item : root.objects("steps")) {
            int weight;
            Duration stepInterval = interval;
            if (item.isScalar()) {
                weight = item.integer(1, 100);
            }
            else if (item.isObject()) {
                item.allowOnly("weight", "interval");
                weight = item.integer("weight", -1, 1, 100);
                if (weight < 0) {
                    throw item.error("weight", "missing (expected the canary's percentage of traffic, 1 to 100)");
                }
                stepInterval = item.duration("interval", interval);
            }
            else {
                throw item.error("expected a weight (5) or a mapping ({weight: 5, interval: 2m})");
            }
            if (stepInterval == null) {
                throw root.error("interval", "missing (expected how long each step runs before its analysis, e.g. 5m)");
            }
            if (weight <= previous) {
                throw item.error("expected weights that increase, found " + weight + " after " + previous);
            }
            previous = weight;
            steps.add(new TrafficStep(weight, stepInterval));
        }
        if (steps.stream().noneMatch(TrafficStep::analysed)) {
            throw root.error("steps", "expected at least one step below 100% (a step at 100% has no stable traffic to compare with)");
        }
        return steps;
    }

    private static Thresholds thresholds(final PlanNode root) {
        if (!root.has("thresholds")) {
            return Thresholds.DEFAULT;
        }
        PlanNode node = root.object("thresholds").allowOnly("pass", "marginal");
        double pass = node.number("pass", Thresholds.DEFAULT.pass(), 0, 100);
        double marginal = node.number("marginal", Math.min(pass, Thresholds.DEFAULT.marginal()), 0, 100);
        if (marginal > pass) {
            throw node.error("marginal", "expected at most pass (" + pass + "), found " + marginal);
        }
        return new Thresholds(pass, marginal);
    }

    private static String baseName(final Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Checks that names in a list are unique. */
    static void requireUnique(final List<PlanNode> items, final List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw items.get(i).error("name", "'" + names.get(i) + "' appears twice");
            }
        }
    }
}
