package io.jenkins.plugins.mldelivery.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One move of an alias, as the history records it: which versions it pointed to before and after,
 * who moved it, when, from which build, and why.
 *
 * @param model       the registered model
 * @param alias       the alias, e.g. {@code champion}
 * @param action      what was done
 * @param fromVersion the version the alias pointed to before, or {@code null} when it did not exist
 * @param toVersion   the version it points to after, or {@code null} when it was removed
 * @param who         who moved it
 * @param build       the build that moved it, or {@code null}
 * @param reason      why, or {@code null}
 * @param at          when
 */
public record AliasMove(String model, String alias, Action action, Integer fromVersion, Integer toVersion,
        String who, String build, String reason, Instant at) {
    /** Validates the move's shape. */
    public AliasMove {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(at, "at");
        if (action != Action.OUTSIDE && (action == Action.REMOVE) != (toVersion == null)) {
            throw new IllegalArgumentException("only a removal leaves the alias without a version: " + action + " to " + toVersion);
        }
    }

    /**
     * Creates a move made now under a change note.
     *
     * @param model  the model
     * @param alias  the alias
     * @param action what is done
     * @param from   the version before, or {@code null}
     * @param to     the version after, or {@code null} for a removal
     * @param note   who, from which build, why
     * @param at     when
     * @return the move
     */
    public static AliasMove of(final String model, final String alias, final Action action, final Integer from,
            final Integer to, final ChangeNote note, final Instant at) {
        return new AliasMove(model, alias, action, from, to, note.who(), note.build(), note.reason(), at);
    }

    /** What a move did to its alias. */
    public enum Action {
        /** The alias was set (created or moved) by a promotion or by hand. */
        SET,
        /** The alias was removed. */
        REMOVE,
        /** The alias was moved back to the version it pointed to before the last move. */
        ROLLBACK,
        /**
         * The alias was moved (or removed) by another tool, such as MLflow's own client: the registry
         * shows it elsewhere than the last recorded move left it. Noticed when the history is read,
         * and recorded by the next move ml-delivery makes; dated no later than it was noticed.
         */
        OUTSIDE
    }
}
