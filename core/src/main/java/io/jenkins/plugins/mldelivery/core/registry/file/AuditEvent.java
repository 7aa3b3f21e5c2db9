package io.jenkins.plugins.mldelivery.core.registry.file;

import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelCard;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the embedded registry's audit log ({@code audit.jsonl}): a change with its sequence
 * number, time, author, build and reason, and everything needed to apply it again to the
 * documents (so a change whose line was written before a crash is finished by the next process).
 *
 * @param seq         the sequence number, from 1, one more than the line before
 * @param at          when the change was made
 * @param action      what changed
 * @param model       the model
 * @param version     the version registered or re-staged, or the version an alias moved to
 * @param alias       the alias moved, or {@code null}
 * @param fromVersion the version the alias pointed to before, or {@code null}
 * @param toVersion   the version the alias points to after, or {@code null}
 * @param who         who made the change
 * @param build       the build that made it, or {@code null}
 * @param reason      why, or {@code null}
 * @param document    the version's document after the change (registration and stage), or {@code null}
 * @param card        the model card of a registration, or {@code null}
 * @param archived    versions a stage change moved to {@code Archived}
 */
public record AuditEvent(long seq, Instant at, Action action, String model, Integer version, String alias,
        Integer fromVersion, Integer toVersion, String who, String build, String reason, ModelVersion document,
        ModelCard card, List<Integer> archived) {
    /** Validates the event's identity. */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(who, "who");
        archived = archived == null ? List.of() : List.copyOf(archived);
    }

    static AuditEvent registration(final ModelVersion document, final ModelCard card, final ChangeNote note, final Instant at) {
        return new AuditEvent(0, at, Action.REGISTER, document.model(), document.version(), null, null, null,
                note.who(), note.build(), note.reason(), document, card, List.of());
    }

    static AuditEvent aliasMove(final AliasMove move) {
        Action action = switch (move.action()) {
            case SET -> Action.SET_ALIAS;
            case REMOVE -> Action.REMOVE_ALIAS;
            case ROLLBACK -> Action.ROLLBACK_ALIAS;
            case OUTSIDE -> throw new IllegalArgumentException("the embedded registry is changed by ml-delivery only: " + move);
        };
        return new AuditEvent(0, move.at(), action, move.model(), move.toVersion(), move.alias(), move.fromVersion(),
                move.toVersion(), move.who(), move.build(), move.reason(), null, null, List.of());
    }

    static AuditEvent stageChange(final ModelVersion document, final List<Integer> archived, final ChangeNote note, final Instant at) {
        return new AuditEvent(0, at, Action.SET_STAGE, document.model(), document.version(), null, null, null,
                note.who(), note.build(), note.reason(), document, null, archived);
    }

    AuditEvent withSeq(final long number) {
        return new AuditEvent(number, at, action, model, version, alias, fromVersion, toVersion, who, build, reason,
                document, card, archived);
    }

    boolean movesAlias() {
        return action == Action.SET_ALIAS || action == Action.REMOVE_ALIAS || action == Action.ROLLBACK_ALIAS;
    }

    AliasMove toAliasMove() {
        AliasMove.Action moveAction = switch (action) {
            case SET_ALIAS -> AliasMove.Action.SET;
            case REMOVE_ALIAS -> AliasMove.Action.REMOVE;
            case ROLLBACK_ALIAS -> AliasMove.Action.ROLLBACK;
            default -> throw new IllegalStateException(action + " does not move an alias");
        };
        return new AliasMove(model, alias, moveAction, fromVersion, toVersion, who, build, reason, at);
    }

    /** The kinds of change the audit log records. */
    public enum Action {
        /** A version was registered (and the model created with its first version). */
        REGISTER,
        /** An alias was set or moved. */
        SET_ALIAS,
        /** An alias was removed. */
        REMOVE_ALIAS,
        /** An alias was rolled back to its previous version. */
        ROLLBACK_ALIAS,
        /** A version changed its deprecated stage. */
        SET_STAGE
    }
}
