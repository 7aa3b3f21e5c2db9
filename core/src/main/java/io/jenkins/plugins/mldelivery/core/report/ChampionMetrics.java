package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.result.PromoteRecord.AliasMove;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metrics of the model this run is compared with, and where they came from.
 *
 * @param label   how the summary names the champion, e.g. {@code champion (version 6)}
 * @param metrics the champion's metrics by name
 */
public record ChampionMetrics(String label, SortedMap<String, Double> metrics) {
    /** The alias whose holder is the champion. */
    public static final String ALIAS = "champion";

    /** Copies the map. */
    public ChampionMetrics {
        Objects.requireNonNull(label, "label");
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    /**
     * Finds the champion's metrics: in the gate result ({@code champion} {@code {version, metrics}}),
     * else in the history, as the metrics of the newest earlier build that made its model the champion.
     *
     * @param run     this run's results
     * @param window  the history's builds, newest first (may include this build)
     * @param current this build's number, which is skipped in the history
     * @return the champion's metrics, if any source has them
     */
    public static Optional<ChampionMetrics> find(final RunResults run, final TrendWindow window, final int current) {
        Optional<GateRecord.Champion> champion = run.record(GateRecord.class).map(GateRecord::champion);
        if (champion.isPresent() && !champion.get().metrics().isEmpty()) {
            SortedMap<String, Double> metrics = new TreeMap<>(champion.get().metrics());
            String version = champion.get().version();
            return Optional.of(new ChampionMetrics(version == null ? ALIAS : ALIAS + " (version " + version + ")", metrics));
        }
        for (BuildRecord record : window.newestFirst()) {
            Optional<AliasMove> move = record.moved(ALIAS);
            if (record.build() != current && move.isPresent() && !record.metrics().isEmpty()) {
                String version = move.get().version();
                return Optional.of(new ChampionMetrics(ALIAS + " (" + (version == null ? "" : "version " + version + ", ")
                        + "build " + record.label() + ")", record.metrics()));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the champion's metrics from a flat metrics file ({@code {"accuracy": 0.86, ...}}).
     *
     * @param file the file
     * @return the metrics, labelled with the file name
     * @throws BadInputException if the file is missing or not a JSON object of numbers
     */
    public static ChampionMetrics read(final Path file) {
        JsonNode json = ResultJson.read(file, JsonNode.class);
        if (!json.isObject()) {
            throw new BadInputException(file + ": expected a JSON object of metric names to numbers");
        }
        JsonNode metrics = json.path("metrics").isObject() ? json.path("metrics") : json;
        SortedMap<String, Double> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : metrics.properties()) {
            if (entry.getValue().isNumber()) {
                values.put(entry.getKey(), entry.getValue().doubleValue());
            }
        }
        return new ChampionMetrics(ALIAS + " (" + file.getFileName() + ")", values);
    }
}
