package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run directories for report tests, shared with the cli module's tests. The newest run (build 4)
 * is the hand-written results under {@code src/test/resources/.../report/run/} (its validate.json is
 * written by {@code make_validate_fixture.py} beside them); the three earlier builds are generated
 * here from it by changing what changed between builds: metrics, rows, missing values, drift, and
 * which steps ran (build 2's gate failed, so it promoted nothing and ran no canary).
 */
public final class ReportFixtures {
    /** The files of the newest run. */
    public static final List<String> RUN_FILES = List.of("validate.json", "train.json", "gate.json", "promote.json",
            "canary.json", "model-card.md");

    private static final String RESOURCES = "/io/jenkins/plugins/mldelivery/core/report/run/";

    private ReportFixtures() {
        // static factories only
    }

    /**
     * Writes the newest run (build 4: gate passed, version 7 promoted to champion, canary promoted).
     *
     * @param directory the run directory to fill
     * @return the directory
     */
    public static Path newestRun(final Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : RUN_FILES) {
                try (InputStream in = ReportFixtures.class.getResourceAsStream(RESOURCES + name)) {
                    Files.write(directory.resolve(name), in.readAllBytes());
                }
            }
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one result of the newest run as a tree to change.
     *
     * @param name the file name, e.g. {@code train.json}
     * @return the tree
     */
    public static ObjectNode result(final String name) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream(RESOURCES + name)) {
            return (ObjectNode) ResultJson.mapper().readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one of the three builds before the newest.
     *
     * @param directory the run directory to fill
     * @param build     1, 2 or 3
     * @return the directory
     */
    public static Path earlierRun(final Path directory, final int build) {
        Map<String, Double> metrics = metricsOf(build);
        Path dir = newestRun(directory);
        String day = "2026-11-2" + build;

        ObjectNode train = result("train.json");
        ObjectNode metricsNode = train.putObject("metrics");
        new java.util.TreeMap<>(metrics).forEach(metricsNode::put);
        write(dir, "train.json", retime(train, day));

        ObjectNode validate = result("validate.json");
        validate.put("rows", 4600 + 200 * build);
        for (JsonNode column : validate.path("drift").path("columns")) {
            ObjectNode feature = (ObjectNode) column;
            ObjectNode current = (ObjectNode) feature.path("current");
            long missing = current.path("missing").asLong() * build / 4; // missing values grew build by build
            current.put("present", validate.path("rows").asLong() - missing).put("missing", missing);
            feature.put("effectSize", feature.path("effectSize").asDouble() * build / 5);
            feature.put("drifted", false);
        }
        ((ObjectNode) validate.path("drift")).put("driftedShare", 0.0);
        write(dir, "validate.json", retime(validate, day));

        ObjectNode gate = result("gate.json");
        Map<String, Double> champion = build == 1 ? Map.of() : metricsOf(1); // build 2 failed, so build 1 stayed champion
        if (champion.isEmpty()) {
            gate.remove("champion");
        }
        else {
            ObjectNode championNode = (ObjectNode) gate.path("champion");
            championNode.put("version", "4");
            ObjectNode championMetrics = championNode.putObject("metrics");
            new java.util.TreeMap<>(champion).forEach(championMetrics::put);
        }
        boolean failed = false;
        for (JsonNode rule : gate.path("rules")) {
            ObjectNode outcome = (ObjectNode) rule;
            String[] words = outcome.path("rule").asText().split(" ");
            Double left = metrics.get(words[0]);
            Double right = words[2].startsWith("champion.")
                    ? champion.containsKey(words[0]) ? champion.get(words[0]) - (words.length > 3 ? 0.01 : 0) : null
                    : Double.valueOf(words[2]);
            if (left == null || right == null) {
                outcome.put("passed", false).put("skipped", true).put("status", "WARNING").putNull("left").putNull("right")
                        .put("reason", left == null ? "this model has no " + words[0] : "no champion to compare with");
                continue;
            }
            boolean passed = words[1].equals(">=") ? left >= right : left <= right;
            outcome.put("left", left).put("right", right).put("passed", passed).put("skipped", false)
                    .put("status", passed ? "PASSED" : "FAILED")
                    .put("reason", words[0] + " " + left + (passed ? " " + words[1] + " " : " breaks " + words[1] + " ") + right);
            failed |= !passed;
        }
        gate.put("verdict", failed ? "FAILED" : "PASSED").put("status", failed ? "FAILED" : "PASSED");
        write(dir, "gate.json", retime(gate, day));

        if (failed) {
            delete(dir, "promote.json");
            delete(dir, "canary.json");
        }
        else {
            ObjectNode promote = result("promote.json");
            promote.put("version", String.valueOf(build + 3));
            if (build == 1) {
                promote.put("previousVersion", "3");
            }
            else {
                promote.put("previousVersion", "4");
            }
            write(dir, "promote.json", retime(promote, day));
            write(dir, "canary.json", retime(result("canary.json"), day));
        }
        return dir;
    }

    private static Map<String, Double> metricsOf(final int build) {
        return switch (build) {
            case 1 -> Map.of("accuracy", 0.8512, "accuracy[gender=F]", 0.8433, "accuracy[gender=M]", 0.8588, "f1", 0.601,
                    "latency_p95_ms", 35.2, "logloss", 0.3391, "precision", 0.6702, "recall", 0.5411, "roc_auc", 0.8934);
            case 2 -> Map.of("accuracy", 0.8621, "f1", 0.6198, "latency_p95_ms", 44.7, "logloss", 0.3202, "precision", 0.6911,
                    "recall", 0.5634, "roc_auc", 0.9012);
            case 3 -> Map.of("accuracy", 0.865, "accuracy[gender=F]", 0.8602, "accuracy[gender=M]", 0.8701, "f1", 0.6358,
                    "latency_p95_ms", 33.9, "logloss", 0.3122, "precision", 0.7011, "recall", 0.5702, "roc_auc", 0.9071);
            default -> throw new IllegalArgumentException("earlier builds are 1, 2 and 3, not " + build);
        };
    }

    /**
     * Writes the four runs (builds 1 to 4) under a directory and returns their records, newest first.
     *
     * @param root the directory under which {@code run-1} … {@code run-4} are written
     * @return the records of builds 4, 3, 2, 1
     */
    public static List<BuildRecord> fourBuilds(final Path root) {
        List<BuildRecord> records = new java.util.ArrayList<>();
        records.add(BuildRecord.of(RunResults.read(newestRun(root.resolve("run-4"))), 4, "#4"));
        for (int build = 3; build >= 1; build--) {
            records.add(BuildRecord.of(RunResults.read(earlierRun(root.resolve("run-" + build), build)), build, "#" + build));
        }
        return records;
    }

    /**
     * Writes a run whose gate failed: latency above its limit, two rules skipped for want of a champion,
     * nothing promoted, no canary.
     *
     * @param directory the run directory to fill
     * @return the directory
     */
    public static Path failedGateRun(final Path directory) {
        Path dir = newestRun(directory);
        ObjectNode train = result("train.json");
        ((ObjectNode) train.path("metrics")).put("latency_p95_ms", 52.5);
        write(dir, "train.json", train);
        ObjectNode gate = result("gate.json");
        gate.put("verdict", "FAILED").put("status", "FAILED");
        ArrayNode rules = (ArrayNode) gate.path("rules");
        gate.remove("champion");
        ((ObjectNode) rules.get(1)).put("passed", false).put("skipped", true).put("status", "WARNING").putNull("right")
                .put("reason", "no champion to compare with");
        ((ObjectNode) rules.get(2)).put("passed", false).put("skipped", true).put("status", "WARNING").putNull("right")
                .putNull("pValue").putNull("pValueAdjusted").put("reason", "no champion to compare with");
        ((ObjectNode) rules.get(4)).put("left", 52.5).put("passed", false).put("status", "FAILED")
                .put("reason", "latency_p95_ms 52.5 breaks <= 40");
        write(dir, "gate.json", gate);
        delete(dir, "promote.json");
        delete(dir, "canary.json");
        return dir;
    }

    /**
     * Writes a result file.
     *
     * @param directory the run directory
     * @param name      the file name
     * @param json      the result
     */
    public static void write(final Path directory, final String name, final JsonNode json) {
        try {
            Files.writeString(directory.resolve(name), ResultJson.mapper().writeValueAsString(json));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode retime(final ObjectNode result, final String day) {
        ObjectNode timing = (ObjectNode) result.path("timing");
        timing.put("startedAt", day + timing.path("startedAt").asText().substring(10));
        timing.put("finishedAt", day + timing.path("finishedAt").asText().substring(10));
        return result;
    }

    private static void delete(final Path directory, final String name) {
        try {
            Files.deleteIfExists(directory.resolve(name));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
