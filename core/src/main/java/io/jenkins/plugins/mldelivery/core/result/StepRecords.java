package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of step results: turns a result's JSON into its typed record. Tolerant of what it
 * does not know (fields added by newer versions are ignored), strict about what it relies on: a
 * required field that is absent, a value of the wrong type (a text metric, {@code metrics: null},
 * {@code steps: "many"}) is refused with one line naming the source and the field.
 */
public final class StepRecords {
    /** The steps that have a record, by their {@code step} field. */
    public static final Map<String, Class<? extends RecordedStep>> TYPES = Map.of(
            "validate", ValidateRecord.class, "drift", ValidateRecord.class, "train", TrainRecord.class,
            "gate", GateRecord.class, "promote", PromoteRecord.class, "canary", CanaryRecord.class);

    // no coercion of text to numbers, flags or lists: a malformed result is refused, not guessed at
    private static final ObjectMapper STRICT_TYPES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(LogicalType.Integer, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Collection, config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private StepRecords() {
        // static reads only
    }

    /**
     * Reads a result whose step has a record.
     *
     * @param source the file or build step it came from, for messages
     * @param json   the result
     * @return its record, or empty when the result is of a step without one (a profile, a registry listing)
     * @throws BadInputException naming the source and field when the result is malformed
     */
    public static Optional<RecordedStep> of(final String source, final JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new BadInputException(source + ": not a step result (expected a JSON object)");
        }
        JsonNode step = json.get("step");
        if (step == null || !step.isTextual() || step.asText().isBlank()) {
            throw new BadInputException(source + ": not a step result (no \"step\" field)");
        }
        Class<? extends RecordedStep> type = TYPES.get(step.asText());
        return type == null ? Optional.empty() : Optional.of(convert(source, json, type));
    }

    /**
     * Reads a result of one step.
     *
     * @param source the file or build step it came from, for messages
     * @param json   the result
     * @param type   the record of the step expected
     * @param <T>    the record type
     * @return the record
     * @throws BadInputException naming the source and what was found when it is another step's result or malformed
     */
    public static <T extends RecordedStep> T of(final String source, final JsonNode json, final Class<T> type) {
        Optional<RecordedStep> record = of(source, json);
        if (record.isEmpty() || !type.isInstance(record.get())) {
            String expected = TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey)
                    .sorted().findFirst().orElse(type.getSimpleName());
            throw new BadInputException(source + ": not a " + expected + " result (its step is '" + json.get("step").asText() + "')");
        }
        return type.cast(record.get());
    }

    /**
     * Reads a result file of one step.
     *
     * @param file the file
     * @param type the record of the step expected
     * @param <T>  the record type
     * @return the record
     * @throws BadInputException naming the file and field when it is missing, another step's result or malformed
     */
    public static <T extends RecordedStep> T read(final Path file, final Class<T> type) {
        return of(file.toString(), ResultJson.read(file, JsonNode.class), type);
    }

    private static <T extends RecordedStep> T convert(final String source, final JsonNode json, final Class<T> type) {
        // an absent list or map is empty; one written as null is a broken result (metrics: null), not an empty one
        for (RecordComponent component : type.getRecordComponents()) {
            boolean container = Collection.class.isAssignableFrom(component.getType()) || Map.class.isAssignableFrom(component.getType());
            if (container && json.has(component.getName()) && json.get(component.getName()).isNull()) {
                throw new BadInputException(source + ": field '" + component.getName() + "': must not be null");
            }
        }
        try {
            return STRICT_TYPES.treeToValue(json, type);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(source + ": " + JsonProblem.describe(e), e);
        }
        catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + JsonProblem.scrub(e.getMessage()), e);
        }
    }
}
