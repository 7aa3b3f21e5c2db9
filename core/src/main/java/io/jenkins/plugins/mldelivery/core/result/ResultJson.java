package io.jenkins.plugins.mldelivery.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one JSON form of results and documents: ISO-8601 instants, indented output, properties in
 * declaration order, unknown properties ignored on reading (so older readers accept newer files).
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ResultJson() {
        // a holder of the shared mapper
    }

    /**
     * Returns the shared, thread-safe mapper. Do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serialises a value to a JSON string.
     *
     * @param value the value
     * @return its JSON form
     */
    public static String toJson(final Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as JSON to a file atomically: readers see the old file or the whole new one.
     *
     * @param file  the target file
     * @param value the value
     */
    public static void write(final Path file, final Object value) {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, value));
    }

    /**
     * Reads a JSON file into a value.
     *
     * @param file the file
     * @param type the type to read
     * @param <T>  the type
     * @return the value
     * @throws BadInputException naming the file, line and column when the file is missing or malformed
     */
    public static <T> T read(final Path file, final Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(JsonProblem.message(file, e));
        }
        catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        }
        catch (IOException e) {
            if (!file.toFile().exists()) {
                throw new BadInputException(file + ": no such file");
            }
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
