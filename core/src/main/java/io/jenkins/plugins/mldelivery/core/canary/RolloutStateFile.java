package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a rollout's state file and checks that it belongs to the plan: the same plan file (by
 * SHA-256) and the same versions, as resolved when the rollout started.
 */
final class RolloutStateFile {
    private RolloutStateFile() {
        // static reads only
    }

    /**
     * Reads the state of a rollout of this plan.
     *
     * @param plan      the plan, with its versions resolved
     * @param stateFile the state file
     * @return the state, or {@code null} when the file does not exist
     * @throws BadInputException if the state belongs to another plan or other versions, or is unreadable
     */
    static RolloutState read(final RolloutPlan plan, final Path stateFile) {
        if (!Files.exists(stateFile)) {
            return null;
        }
        RolloutState saved = ResultJson.read(stateFile, RolloutState.class);
        if (!plan.sha256().equals(saved.planSha256())) {
            throw new BadInputException(stateFile + ": this state belongs to another plan (SHA-256 " + saved.planSha256()
                    + ", not " + plan.sha256() + " of " + plan.file() + "); finish or remove it before starting a new rollout");
        }
        if (saved.canary() != null && (!saved.canary().equals(plan.canary()) || !saved.stable().equals(plan.stable()))) {
            throw new BadInputException(stateFile + ": the rollout started with canary " + saved.canary().describe() + " and stable "
                    + saved.stable().describe() + ", not " + plan.canary().describe() + " and " + plan.stable().describe());
        }
        return saved;
    }

    /**
     * Returns the plan with the versions the rollout runs: those its state recorded when it
     * started (an alias may have moved since), else those the registry resolves now.
     *
     * @param plan      the plan as read
     * @param stateFile the state file
     * @return the plan with resolved versions
     */
    static RolloutPlan pinned(final RolloutPlan plan, final Path stateFile) {
        if (Files.exists(stateFile)) {
            RolloutState saved = ResultJson.read(stateFile, RolloutState.class);
            if (saved.canary() != null && saved.stable() != null && plan.sha256().equals(saved.planSha256())) {
                return plan.withIdentities(saved.stable(), saved.canary());
            }
        }
        return RegistryModels.resolve(plan);
    }
}
