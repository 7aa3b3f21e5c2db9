package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.ModelIdentity;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.plan.SourceSpec;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;

import java.util.List;

/**
 * Resolves the plan's registry references, so the registry tells what to roll out and what to roll
 * back to: {@code {alias: champion}} is the version the alias points to, {@code {alias: champion,
 * previous: true}} the one it pointed to before its last move (what a pipeline that promotes before
 * its canary rolls back to), and, in a replay, {@code {version: 3}} without a model file is that
 * registry version. The version label becomes the registry's version number, and the model file its
 * source.
 */
public final class RegistryModels {
    private RegistryModels() {
        // static resolution only
    }

    /**
     * Resolves a plan's identities in its registry.
     *
     * @param plan the plan
     * @return the plan with versions and model files filled in; the same plan if nothing is to resolve
     * @throws BadInputException naming the registry, the model and the alias or version that does not exist
     */
    public static RolloutPlan resolve(final RolloutPlan plan) {
        boolean needsModel = plan.source() instanceof SourceSpec.Replay;
        if (plan.registry() == null || !pending(plan.stable(), needsModel) && !pending(plan.canary(), needsModel)) {
            return plan;
        }
        ModelRegistry registry = RegistryUri.open(plan.registry());
        return plan.withIdentities(resolve(registry, plan.model(), plan.stable(), needsModel),
                resolve(registry, plan.model(), plan.canary(), needsModel));
    }

    /** An alias is always resolved; a bare version number only where a replay needs its model file. */
    private static boolean pending(final ModelIdentity identity, final boolean needsModel) {
        return identity.unresolved() || needsModel && identity.model() == null;
    }

    private static ModelIdentity resolve(final ModelRegistry registry, final String model, final ModelIdentity identity,
            final boolean needsModel) {
        if (!pending(identity, needsModel)) {
            return identity;
        }
        ModelVersion version;
        if (identity.alias() == null) {
            version = registry.version(model, Integer.parseInt(identity.version()));
        }
        else if (identity.previous()) {
            List<AliasMove> moves = registry.aliasHistory(model, identity.alias());
            Integer before = moves.isEmpty() ? null : moves.get(moves.size() - 1).fromVersion();
            if (before == null) {
                throw new BadInputException("registry " + registry.uri() + ": alias '" + identity.alias() + "' of model '" + model
                        + "' has no previous version to compare with");
            }
            version = registry.version(model, before);
        }
        else {
            version = registry.resolveAlias(model, identity.alias()).orElseThrow(() -> new BadInputException(
                    "registry " + registry.uri() + ": model '" + model + "' has no alias '" + identity.alias() + "'"));
        }
        return new ModelIdentity(String.valueOf(version.version()), identity.model() != null ? identity.model() : version.source(),
                identity.alias(), identity.previous());
    }
}
