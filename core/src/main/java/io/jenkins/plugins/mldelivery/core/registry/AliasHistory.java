package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an alias's history to answer the questions both registries ask of it: where a rollback
 * goes, and which move put the alias where it is.
 */
public final class AliasHistory {
    private final List<AliasMove> moves;

    /**
     * Wraps the moves of one alias, oldest first.
     *
     * @param moves the moves
     */
    public AliasHistory(final List<AliasMove> moves) {
        this.moves = List.copyOf(moves);
    }

    /**
     * Returns the moves, oldest first.
     *
     * @return the moves
     */
    public List<AliasMove> moves() {
        return moves;
    }

    /**
     * Returns the version a rollback moves the alias to. Each set or removal remembers the version
     * it replaced; each rollback goes back to the most recently remembered one and forgets it, so
     * that rollbacks walk back through the history rather than toggle between two versions.
     *
     * @return the version to go back to, or empty when there is none (the alias was created by its only move)
     */
    public Optional<Integer> rollbackTarget() {
        List<Integer> remembered = new ArrayList<>();
        for (AliasMove move : moves) {
            if (move.action() == AliasMove.Action.ROLLBACK) {
                if (!remembered.isEmpty()) {
                    remembered.remove(remembered.size() - 1);
                }
            }
            else if (!Objects.equals(move.fromVersion(), move.toVersion())) {
                remembered.add(move.fromVersion());
            }
        }
        return remembered.isEmpty() ? Optional.empty() : Optional.ofNullable(remembered.get(remembered.size() - 1));
    }

    /**
     * Returns the version a rollback moves the alias to, or says why there is none.
     *
     * @param registry the registry's URI, for the message
     * @param model    the model
     * @param alias    the alias
     * @return the version
     * @throws BadInputException when there is no earlier version
     */
    public int requireRollbackTarget(final String registry, final String model, final String alias) {
        return rollbackTarget().orElseThrow(() -> new BadInputException("registry " + registry + ": alias '" + alias
                + "' of model '" + model + "' has no earlier version to roll back to"));
    }

    /**
     * Returns the latest move that left the alias on a version.
     *
     * @param version the version
     * @return the move, or empty when the history has none
     */
    public Optional<AliasMove> lastMoveTo(final int version) {
        for (int i = moves.size() - 1; i >= 0; i--) {
            if (Objects.equals(moves.get(i).toVersion(), version)) {
                return Optional.of(moves.get(i));
            }
        }
        return Optional.empty();
    }
}
