package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats teams keep parameters in (DVC reads the same three), chosen by file extension.
 */
public enum ParamsFormat {
    /** {@code .yaml} or {@code .yml}, as DVC's {@code params.yaml}. */
    YAML(YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()),
    /** {@code .json}. */
    JSON(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()),
    /** {@code .toml}, as Python's {@code pyproject.toml}. */
    TOML(TomlMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final ObjectMapper mapper;

    ParamsFormat(final ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Returns the mapper that reads and writes this format.
     *
     * @return the mapper; do not reconfigure it
     */
    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Chooses the format from a file's extension.
     *
     * @param file the params file
     * @return its format
     * @throws BadInputException if the extension is not one of {@code .yaml}, {@code .yml}, {@code .json}, {@code .toml}
     */
    public static ParamsFormat of(final Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".toml")) {
            return TOML;
        }
        throw new BadInputException(file + ": unknown params format; expected a .yaml, .yml, .json or .toml file");
    }
}
