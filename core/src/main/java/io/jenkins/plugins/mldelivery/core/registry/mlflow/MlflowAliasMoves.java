package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the aliases of a model one at a time across processes ({@link MlflowAliasLock}): each move
 * reads the alias and its history, records a move another tool made since the last record, then
 * moves the alias and records the move, with no other ml-delivery move in between.
 */
final class MlflowAliasMoves {
    private static final Duration LOCK_LEASE = Duration.ofSeconds(60);
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

    private final MlflowClient client;
    private final Clock clock;
    private final MlflowHistory history;
    private final MlflowLookups lookups;
    private final String uri;

    MlflowAliasMoves(final MlflowClient client, final Clock clock, final MlflowHistory history, final MlflowLookups lookups,
            final String uri) {
        this.client = client;
        this.clock = clock;
        this.history = history;
        this.lookups = lookups;
        this.uri = uri;
    }

    /** Decides a move from where the alias points and its history (outside moves included). */
    @FunctionalInterface
    interface MoveDecision {
        AliasMove decide(Integer current, List<AliasMove> moves);
    }

    /**
     * Reads the alias and its history, decides a move and makes it, with no other ml-delivery move
     * of the model's aliases in between: the history then stays consistent with the alias under
     * concurrent promotions. A move another tool made since the last recorded one is recorded
     * first, so the history shows it and a rollback can undo it. Each move is dated after the one
     * before it, so that the history's order is the order of the moves even across clocks.
     */
    AliasMove make(final String model, final String alias, final MoveDecision decision) {
        try (MlflowAliasLock lock = MlflowAliasLock.acquire(client, model, clock, LOCK_LEASE, LOCK_TIMEOUT)) {
            JsonNode node = lookups.modelNode(model).orElseThrow(() -> new BadInputException(
                    "registry " + uri + ": no model '" + model + "'"));
            Integer current = lookups.aliasNode(model, alias).map(version -> Integer.parseInt(version.path("version").asText()))
                    .orElse(null);
            List<AliasMove> moves = new ArrayList<>(history.recorded(node, alias));
            AliasMove tail = moves.isEmpty() ? null : moves.get(moves.size() - 1);
            Optional<AliasMove> outside = MlflowHistory.outsideMove(model, alias, tail, current, clock.instant());
            if (outside.isPresent()) {
                history.record(outside.get());
                moves.add(outside.get());
                tail = outside.get();
            }
            AliasMove move = decision.decide(current, List.copyOf(moves));
            if (moves.contains(move)) {
                return move; // already there: nothing to do
            }
            if (tail != null && !move.at().isAfter(tail.at())) {
                move = new AliasMove(move.model(), move.alias(), move.action(), move.fromVersion(), move.toVersion(), move.who(),
                        move.build(), move.reason(), tail.at().plusMillis(1));
            }
            if (move.action() == AliasMove.Action.REMOVE) {
                client.delete("registered-models/alias", Map.of("name", move.model(), "alias", move.alias()));
            }
            else {
                client.post("registered-models/alias", Map.of("name", move.model(), "alias", move.alias(),
                        "version", String.valueOf(move.toVersion())));
            }
            history.record(move);
            return move;
        }
    }
}
