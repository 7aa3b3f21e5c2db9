package io.jenkins.plugins.mldelivery.core.canary.plan;

import java.util.Objects;

/**
 * Which version of the model a side of the rollout runs.
 *
 * @param version the version label, substituted for {@code {version}} in queries and commands
 * @param model   the model file the replay's scoring command loads, or {@code null} outside replay
 */
public record ModelIdentity(String version, String model) {
    /** Validates the version. */
    public ModelIdentity {
        Objects.requireNonNull(version, "version");
    }
}
