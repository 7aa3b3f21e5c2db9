package io.jenkins.plugins.mldelivery.core.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Map;

/**
 * A registered model: its name, its newest version and where its aliases point now.
 *
 * @param name          the name
 * @param createdAt     when it was first registered
 * @param latestVersion the highest version number, 0 when it has none
 * @param aliases       alias to version, sorted by alias
 */
public record RegisteredModel(String name, Instant createdAt, int latestVersion, Map<String, Integer> aliases) {
    /** Validates and freezes the fields. */
    public RegisteredModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        aliases = ModelVersion.sorted(aliases);
    }
}
