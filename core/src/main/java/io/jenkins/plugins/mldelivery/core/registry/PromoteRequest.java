package io.jenkins.plugins.mldelivery.core.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to promote: a registered version, or a train result to register first; the alias to move;
 * who asks, from which build and why; and the gate result that must not have failed.
 *
 * @param model          the registered model
 * @param version        the version to promote, or {@code null} with a train result
 * @param trainResult    a train result to register and promote, or {@code null} with a version
 * @param alias          the alias to move, e.g. {@code champion}
 * @param note           who, from which build, why
 * @param gateResult     the gate's result for this version, or {@code null}
 * @param force          whether to promote even when the gate failed
 * @param idempotencyKey the key that makes a retried registration return the same version (the build URL), or {@code null}
 * @param cardTemplate   the team's intended-use template (Markdown) for the model card, or {@code null}
 * @param dataProfile    a profile of the training data for the model card, or {@code null} (a profile the training stored is used)
 */
public record PromoteRequest(String model, Integer version, Path trainResult, String alias, ChangeNote note, Path gateResult,
        boolean force, String idempotencyKey, Path cardTemplate, Path dataProfile) {
    /** Requires a model, an alias, a note, and exactly one of a version and a train result. */
    public PromoteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(note, "note");
        if ((version == null) == (trainResult == null)) {
            throw new IllegalArgumentException("promote either a registered version or a train result");
        }
    }
}
