package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One build of the job's metric trend: its number and label, and the last result of each step it ran.
 *
 * @param buildNumber the build's number
 * @param displayName the build's display name, e.g. {@code #42}
 * @param results     the step's name to its last result in the build, e.g. {@code train} and {@code gate}
 */
public record TrendPoint(int buildNumber, String displayName, Map<String, JsonNode> results) {
    /** Validates the fields and copies the map. */
    public TrendPoint {
        Objects.requireNonNull(displayName, "displayName");
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
