package io.jenkins.plugins.mldelivery.core.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * MLflow's model stages, deprecated by MLflow in favour of aliases and kept for teams that still
 * use them; written as MLflow writes them ({@code None}, {@code Staging}, {@code Production},
 * {@code Archived}).
 */
public enum Stage {
    /** No stage. */
    NONE("None"),
    /** A candidate under test. */
    STAGING("Staging"),
    /** The version serving production. */
    PRODUCTION("Production"),
    /** A retired version. */
    ARCHIVED("Archived");

    private final String mlflowName;

    Stage(final String mlflowName) {
        this.mlflowName = mlflowName;
    }

    /**
     * Returns the stage's name as MLflow writes it.
     *
     * @return e.g. {@code Production}
     */
    @JsonValue
    public String mlflowName() {
        return mlflowName;
    }

    /**
     * Parses a stage name, ignoring case.
     *
     * @param name e.g. {@code production} or {@code Production}
     * @return the stage
     * @throws BadInputException naming the accepted stages
     */
    @JsonCreator
    public static Stage of(final String name) {
        for (Stage stage : values()) {
            if (stage.mlflowName.equalsIgnoreCase(name) || stage.name().equals(name.toUpperCase(Locale.ROOT))) {
                return stage;
            }
        }
        throw new BadInputException("stage '" + name + "': expected one of "
                + Arrays.stream(values()).map(Stage::mlflowName).collect(Collectors.joining(", ")));
    }
}
