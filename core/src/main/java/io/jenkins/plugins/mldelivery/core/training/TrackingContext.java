package io.jenkins.plugins.mldelivery.core.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tracking server should know about where a training ran, beyond its result.
 *
 * @param runName          the run's name, or {@code null} to let the server choose one
 * @param buildUrl         the CI build's page (Jenkins' {@code BUILD_URL}), or {@code null}
 * @param artifactLocation where the model files were archived (a directory, the build's artifact
 *                         page), or {@code null} to use the result's artifacts directory
 * @param tags             further tags, as given by the user
 */
public record TrackingContext(String runName, String buildUrl, String artifactLocation, Map<String, String> tags) {
    /** Copies the tags, keeping their order. */
    public TrackingContext {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
