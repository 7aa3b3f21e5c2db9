package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;

import java.util.Optional;

/**
 * After a canary rolled back because the judge found it worse, puts the registry alias back where
 * traffic is; a rollback caused by an error (configuration, scoring, router) leaves the alias alone. A pipeline that
 * promotes before its canary ({@code canary: {alias: champion}} against {@code stable: {alias:
 * champion, previous: true}}) has already moved the alias to the version that just failed; left
 * there, the next gate would compare against a model nobody serves. The alias moves back only while
 * it still points to the canary's version (someone may have moved it since), and the move is
 * recorded in the alias history like any other, with the rollout's reason.
 */
final class AliasRestore {
    private AliasRestore() {
        // static decisions only
    }

    /**
     * Moves the alias back to the stable version when the plan took both versions from it.
     *
     * @param plan   the plan (its model and registry)
     * @param stable the stable version the rollout started with (pinned in its state)
     * @param canary the canary version the rollout started with (pinned in its state)
     * @param owner  who runs the rollout, recorded as who moved the alias
     * @param reason why the rollout rolled back
     * @param judged whether the rollback comes from a judged regression of the canary; only then does the alias move
     * @return what happened to the alias, for the rollout's reason; empty when the plan names no alias to restore
     */
    static Optional<String> afterRollback(final RolloutPlan plan, final ModelIdentity stable, final ModelIdentity canary,
            final String owner, final String reason, final boolean judged) {
        if (plan.registry() == null || canary.alias() == null || canary.previous()
                || !canary.alias().equals(stable.alias()) || !stable.previous()) {
            return Optional.empty();
        }
        String alias = canary.alias();
        if (!judged) {
            // an error (a misconfigured plan, a scoring command or router that failed) says nothing about the model
            return Optional.of("alias '" + alias + "' left at v" + canary.version() + ": only a judged regression moves it, and"
                    + " this rollback came from an error, not a judgement; if v" + canary.version()
                    + " must not stay, run ml-delivery registry rollback");
        }
        try {
            ModelRegistry registry = RegistryUri.open(plan.registry());
            Optional<ModelVersion> current = registry.resolveAlias(plan.model(), alias);
            String canaryVersion = canary.version();
            if (current.isEmpty() || !String.valueOf(current.get().version()).equals(canaryVersion)) {
                return Optional.of("alias '" + alias + "' left as it is: it points to "
                        + current.map(v -> "v" + v.version()).orElse("no version") + ", not to the canary v" + canaryVersion);
            }
            registry.setAlias(plan.model(), alias, Integer.parseInt(stable.version()),
                    ChangeNote.by(owner).because("canary rolled back: " + reason));
            return Optional.of("alias '" + alias + "' moved back from v" + canaryVersion + " to v" + stable.version()
                    + " in " + registry.uri());
        }
        catch (BadInputException | ExternalSystemException | NumberFormatException e) {
            // Traffic is already safe on the stable version; the alias is the one thing left to fix by hand.
            return Optional.of("alias '" + alias + "' could not be moved back to v" + stable.version() + " ("
                    + e.getMessage() + "): run ml-delivery registry rollback");
        }
    }
}
