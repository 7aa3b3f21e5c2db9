package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.List;
import java.util.Optional;

/**
 * A model registry: versions of named models, aliases ({@code champion}, {@code challenger}, …)
 * that point to one version each, and the history of every alias move. Open one with
 * {@link RegistryUri#open(String)}. Implementations are safe to use from several threads and,
 * for the embedded registry, from several processes at once.
 *
 * <p>Errors: an unknown model or version, an alias on a missing version, or a bad name throw
 * {@link BadInputException} (exit code 2); a registry server that fails throws
 * {@link io.jenkins.plugins.mldelivery.core.io.ExternalSystemException} (exit code 3).
 */
public interface ModelRegistry {
    /**
     * Returns the URI this registry was opened from, for messages and results.
     *
     * @return e.g. {@code file:/var/ml/registry} or {@code mlflow:http://127.0.0.1:5000}
     */
    String uri();

    /**
     * Registers a new version, creating the model when it has none yet, and writes its model card.
     * When the request carries an idempotency key that an earlier registration of the same model
     * used for the same content ({@link VersionRequest#retryKey()}), nothing is written and that
     * version is returned; the same key with other content registers a new version.
     *
     * @param request what to register
     * @return the new (or the earlier) version
     */
    ModelVersion register(VersionRequest request);

    /**
     * Returns a version.
     *
     * @param model   the model
     * @param version the version number
     * @return the version, or empty when the model or the version does not exist
     */
    Optional<ModelVersion> findVersion(String model, int version);

    /**
     * Returns a version that must exist.
     *
     * @param model   the model
     * @param version the version number
     * @return the version
     * @throws BadInputException naming the registry, model and version when it does not exist
     */
    default ModelVersion version(final String model, final int version) {
        return findVersion(model, version).orElseThrow(() -> new BadInputException(
                "registry " + uri() + ": model '" + model + "' has no version " + version));
    }

    /**
     * Returns the version an alias points to.
     *
     * @param model the model
     * @param alias the alias, e.g. {@code champion}
     * @return the version, or empty when the model or the alias does not exist
     */
    Optional<ModelVersion> resolveAlias(String model, String alias);

    /**
     * Returns a registered model with its aliases.
     *
     * @param model the model
     * @return the model, or empty when it does not exist
     */
    Optional<RegisteredModel> findModel(String model);

    /**
     * Returns the names of all registered models, sorted.
     *
     * @return the names
     */
    List<String> models();

    /**
     * Returns every version of a model, oldest first.
     *
     * @param model the model
     * @return the versions
     * @throws BadInputException when the model does not exist
     */
    List<ModelVersion> versions(String model);

    /**
     * Points an alias at a version, creating or moving it. Setting an alias to the version it
     * points to already changes nothing and returns the move that put it there.
     *
     * @param model   the model
     * @param alias   the alias
     * @param version the version, which must exist
     * @param note    who, from which build, why
     * @return the recorded move
     * @throws BadInputException when the model or the version does not exist
     */
    AliasMove setAlias(String model, String alias, int version, ChangeNote note);

    /**
     * Removes an alias.
     *
     * @param model the model
     * @param alias the alias, which must exist
     * @param note  who, from which build, why
     * @return the recorded move
     * @throws BadInputException when the model or the alias does not exist
     */
    AliasMove removeAlias(String model, String alias, ChangeNote note);

    /**
     * Returns the moves of an alias, or of all aliases of a model, oldest first.
     *
     * @param model the model
     * @param alias the alias, or {@code null} for all aliases
     * @return the moves
     * @throws BadInputException when the model does not exist
     */
    List<AliasMove> aliasHistory(String model, String alias);

    /**
     * Moves an alias back to the version it pointed to before its last move; repeated rollbacks
     * walk further back (a rollback undoes a move, it is not undone by the next rollback).
     *
     * @param model the model
     * @param alias the alias
     * @param note  who, from which build, why
     * @return the recorded move
     * @throws BadInputException when the alias has no earlier version to go back to
     */
    AliasMove rollback(String model, String alias, ChangeNote note);

    /**
     * Moves a version to one of MLflow's deprecated stages, for teams that still use them.
     *
     * @param model           the model
     * @param version         the version
     * @param stage           the stage
     * @param archiveExisting whether the versions now in that stage move to {@link Stage#ARCHIVED}
     * @param note            who, from which build, why
     * @return the version in its new stage
     */
    ModelVersion setStage(String model, int version, Stage stage, boolean archiveExisting, ChangeNote note);

    /**
     * Returns the model card written when a version was registered.
     *
     * @param model   the model
     * @param version the version
     * @return the card, or empty when the version has none (registered by another tool)
     */
    Optional<ModelCard> card(String model, int version);
}
