package io.jenkins.plugins.mldelivery.core.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A rollout driven one move at a time by a caller that never waits in a thread and may itself be
 * restarted, such as a Jenkins step: each move opens the {@link RolloutController} on the plan and its
 * state file, makes every transition that is due now, and says when the next one is. The caller keeps
 * the returned state and hands it back: when the state file is gone (a wiped workspace, another
 * agent) or older than what the caller kept, that state is written back first, so the rollout goes on
 * from the last transition anybody saw.
 */
public final class ResumableRollout {
    private ResumableRollout() {
        // static entry points only
    }

    /**
     * Makes the rollout's next move: starts it when there is no state yet, else resumes it and makes
     * every transition that is due.
     *
     * @param planFile  the plan
     * @param overrides plan keys replaced by the caller's arguments, e.g. {@code steps} and {@code model}
     * @param stateFile where the controller persists the state of this rollout
     * @param knownState the state the caller kept from the previous move, or {@code null} before the first
     * @param clock     tells the time
     * @param sleeper   waits (only between the router's retries; the analyses are never waited for)
     * @param owner     who runs the rollout, recorded in the state
     * @return where the rollout stands
     * @throws BadInputException for a bad plan, or a state that belongs to another plan
     */
    public static RolloutMove move(final Path planFile, final Map<String, ?> overrides, final Path stateFile,
            final String knownState, final Clock clock, final Sleeper sleeper, final String owner) {
        RolloutPlan plan = PlanReader.read(planFile, overrides);
        restore(stateFile, knownState);
        try (RolloutController controller = RolloutController.open(plan, stateFile, clock, sleeper, owner)) {
            int before = controller.state().transitions().size();
            RolloutController.Progress progress = controller.advance();
            while (progress.changed() && progress.nextAt() != null && !progress.nextAt().isAfter(clock.instant())) {
                progress = controller.advance();
            }
            return moved(controller, before, progress);
        }
    }

    /**
     * Rolls the rollout back now (the caller was stopped), unless it has already settled.
     *
     * @param planFile   the plan
     * @param overrides  plan keys replaced by the caller's arguments
     * @param stateFile  the state file
     * @param knownState the state the caller kept from the previous move, or {@code null}
     * @param why        why, in one line, for the result
     * @param clock      tells the time
     * @param sleeper    waits between the router's retries
     * @param owner      who rolls back
     * @return the settled rollout
     */
    public static RolloutMove abort(final Path planFile, final Map<String, ?> overrides, final Path stateFile,
            final String knownState, final String why, final Clock clock, final Sleeper sleeper, final String owner) {
        RolloutPlan plan = PlanReader.read(planFile, overrides);
        restore(stateFile, knownState);
        try (RolloutController controller = RolloutController.open(plan, stateFile, clock, sleeper, owner)) {
            int before = controller.state().transitions().size();
            RolloutController.Progress progress = controller.abort(why);
            while (!controller.state().phase().settled()) {
                progress = controller.advance();
            }
            return moved(controller, before, progress);
        }
    }

    private static RolloutMove moved(final RolloutController controller, final int before,
            final RolloutController.Progress progress) {
        RolloutState state = controller.state();
        List<Transition> all = state.transitions();
        boolean settled = state.phase().settled();
        return new RolloutMove(compact(state), settled, settled ? null : progress.nextAt(),
                all.subList(Math.min(before, all.size()), all.size()), settled ? controller.result() : null);
    }

    /** Writes the caller's state over a missing or older state file; a newer file wins. */
    private static void restore(final Path stateFile, final String knownState) {
        if (knownState == null) {
            return;
        }
        RolloutState known = parse(knownState, "the state kept by the caller");
        if (Files.exists(stateFile)) {
            RolloutState onDisk = ResultJson.read(stateFile, RolloutState.class);
            if (onDisk.transitions().size() >= known.transitions().size()) {
                return;
            }
        }
        try {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
        }
        catch (IOException e) {
            throw new BadInputException(stateFile + ": cannot create its directory (" + e.getMessage() + ")", e);
        }
        AtomicFiles.write(stateFile, knownState.getBytes(StandardCharsets.UTF_8));
    }

    private static RolloutState parse(final String json, final String what) {
        try {
            return ResultJson.mapper().readValue(json, RolloutState.class);
        }
        catch (JsonProcessingException e) {
            throw new BadInputException(what + " is not a rollout state: " + e.getOriginalMessage());
        }
    }

    private static String compact(final RolloutState state) {
        try {
            return ResultJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(state);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the rollout state: " + e.getOriginalMessage(), e);
        }
    }
}
