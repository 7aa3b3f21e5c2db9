package io.jenkins.plugins.mldelivery.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registry alias that a promote step moved: {@code champion} now points at {@code version}.
 *
 * @param model           the registered model name
 * @param version         the version the alias points at now
 * @param alias           the alias, e.g. {@code champion}
 * @param previousVersion the version it pointed at before, or null if it is new
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasMove(String model, String version, String alias, String previousVersion) {
    /**
     * Reads a promote result.
     *
     * @param promote the result
     * @return the move, or null if the result names no alias
     */
    static AliasMove from(final JsonNode promote) {
        String alias = JsonFields.text(promote, "alias");
        if (alias == null) {
            return null;
        }
        return new AliasMove(JsonFields.text(promote, "model"), JsonFields.text(promote, "version"), alias,
                JsonFields.text(promote, "previousVersion"));
    }
}
