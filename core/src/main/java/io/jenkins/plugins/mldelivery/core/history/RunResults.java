package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.JsonProblem;
import io.jenkins.plugins.mldelivery.core.result.RecordedStep;
import io.jenkins.plugins.mldelivery.core.result.StepRecords;
import io.jenkins.plugins.mldelivery.core.result.ValidateRecord;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The step results of one pipeline run, keyed by their {@code step} field, each read once into its
 * typed record ({@link StepRecords}): fields a newer version added are ignored, malformed results are refused.
 */
public final class RunResults {
    /**
     * The steps a build record is made from, in pipeline order ({@code drift} for a drift result of its
     * own); results of other steps, such as profiles or registry listings, are skipped.
     */
    public static final List<String> KNOWN_STEPS = List.of("validate", "drift", "train", "gate", "promote", "canary");

    private final Map<String, StepDocument> byStep;
    private final List<InputIdentity> sources;

    private RunResults(final Map<String, StepDocument> byStep, final List<InputIdentity> sources) {
        this.byStep = Collections.unmodifiableMap(new TreeMap<>(byStep));
        this.sources = List.copyOf(sources);
    }

    /**
     * One step result and where it came from.
     *
     * @param source a name for people: the file it was read from, or the build step that made it
     * @param json   the result as written by {@code --json}, for the charts that draw its free-form parts
     * @param record the result as its typed record, which every reader reads
     */
    public record StepDocument(String source, JsonNode json, RecordedStep record) {
        /** Validates the fields. */
        public StepDocument {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * Reads every {@code *.json} file at the top of a run directory that is the result of one of the
     * {@link #KNOWN_STEPS} (an object with such a {@code step} field); other JSON files (metrics, params,
     * profiles, results of other steps) are skipped.
     *
     * @param directory the run directory, as filled by the steps' {@code --json FILE}
     * @return the results
     * @throws BadInputException if the directory is missing, holds malformed JSON, holds no result,
     *                           or holds two results of the same step
     */
    public static RunResults read(final Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(directory + ": no such directory (expected the run directory holding the steps' --json results)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(directory + ": " + e.getMessage(), e);
        }
        Builder builder = new Builder();
        for (Path file : files) {
            byte[] content = readBytes(file);
            JsonNode json = parse(file, content);
            JsonNode step = json.get("step");
            if (json.isObject() && step != null && step.isTextual() && KNOWN_STEPS.contains(step.asText())) {
                builder.add(file.toString(), json, new InputIdentity(file.toString(), content.length, FileDigest.sha256Hex(content)));
            }
        }
        if (builder.byStep.isEmpty()) {
            throw new BadInputException(directory + ": no step results (expected *.json files written by --json of "
                    + String.join(", ", KNOWN_STEPS) + ")");
        }
        return builder.build();
    }

    /**
     * Starts a set of results assembled in memory, as the Jenkins plugin does from its build actions.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the typed record of a step's result, if the run has one.
     *
     * @param type the record type, e.g. {@code GateRecord.class}
     * @param <T>  the record type
     * @return the first result of that type, in step order ({@code drift} before {@code validate})
     */
    public <T extends RecordedStep> Optional<T> record(final Class<T> type) {
        if (type == ValidateRecord.class && byStep.containsKey("validate")) {
            return Optional.of(type.cast(byStep.get("validate").record())); // a validate result before a drift result of its own
        }
        return byStep.values().stream().map(StepDocument::record).filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Returns the typed records of every result, in step-name order.
     *
     * @return the records
     */
    public List<RecordedStep> records() {
        return byStep.values().stream().map(StepDocument::record).toList();
    }

    /**
     * Returns every result, keyed and sorted by step name.
     *
     * @return the results
     */
    public Map<String, StepDocument> steps() {
        return byStep;
    }

    /**
     * Returns the identities of the result files, in file-name order, for tracing a report to its inputs.
     *
     * @return the result files' path, size and SHA-256
     */
    public List<InputIdentity> sources() {
        return sources;
    }

    /**
     * Returns a digest of all results' content: two reports of the same run share it.
     *
     * @return the hex SHA-256 over the results' SHA-256 values in step order
     */
    public String digest() {
        StringBuilder all = new StringBuilder();
        byStep.forEach((step, document) -> all.append(step).append('=').append(ResultJson.toJson(document.json())).append('\n'));
        return FileDigest.sha256Hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readBytes(final Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(final Path file, final byte[] content) {
        try {
            return ResultJson.mapper().readTree(content);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(JsonProblem.message(file, e));
        }
        catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Collects results one by one; refuses two results of the same step. */
    public static final class Builder {
        private final Map<String, StepDocument> byStep = new TreeMap<>();
        private final List<InputIdentity> sources = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a step result.
         *
         * @param source where it came from, for messages
         * @param json   the result as a JSON tree with a {@code step} field; results of steps other than the
         *               {@link #KNOWN_STEPS} are skipped
         * @return this builder
         * @throws BadInputException if the result has no step or that step already has a result
         */
        public Builder add(final String source, final JsonNode json) {
            return add(source, json, null);
        }

        private Builder add(final String source, final JsonNode json, final InputIdentity identity) {
            Optional<RecordedStep> record = StepRecords.of(source, json);
            if (record.isEmpty()) {
                return this; // a step the report has nothing to show for
            }
            String step = record.get().step();
            StepDocument document = new StepDocument(source, json, record.get());
            StepDocument previous = byStep.putIfAbsent(step, document);
            if (previous != null) {
                throw new BadInputException(document.source() + ": a second '" + step + "' result in this run (the first is "
                        + previous.source() + "); keep one result per step in a run directory");
            }
            if (identity != null) {
                sources.add(identity);
            }
            return this;
        }

        /**
         * Returns the results collected so far.
         *
         * @return the results
         */
        public RunResults build() {
            return new RunResults(byStep, sources);
        }
    }
}
