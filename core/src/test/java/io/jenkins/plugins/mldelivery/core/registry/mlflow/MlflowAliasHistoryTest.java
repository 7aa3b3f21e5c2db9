package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import org.junit.ClassRule;
import org.junit.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The alias history MLflow does not keep, under concurrent promotions and moves made with other tools. */
public class MlflowAliasHistoryTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    private static MlflowClient client() {
        return MlflowClient.at(mlflow.uri()).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    }

    /** Each promoter has its own registry and connection, as separate CI jobs would. */
    private static ModelRegistry registry() {
        return new MlflowModelRegistry(client());
    }

    private static void register(final String model, final int versions) {
        for (int i = 1; i <= versions; i++) {
            registry().register(VersionRequest.forModel(model).withSource("s3://models/" + model + "/" + i)
                    .registeredBy(ChangeNote.by("jenkins")).build());
        }
    }

    @Test
    public void shouldKeepTheHistoryConsistentWithTheAliasUnderEightConcurrentMoves() throws Exception {
        register("mlf-concurrent", 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AliasMove>> moves = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                int version = i % 2 + 1;
                ChangeNote note = ChangeNote.by("job-" + i);
                moves.add(pool.submit((Callable<AliasMove>) () -> registry().setAlias("mlf-concurrent", "champion", version, note)));
            }
            for (Future<AliasMove> move : moves) {
                move.get(); // every move succeeds
            }
        }
        finally {
            pool.shutdownNow();
        }

        ModelRegistry registry = registry();
        int actual = registry.resolveAlias("mlf-concurrent", "champion").orElseThrow().version();
        List<AliasMove> history = registry.aliasHistory("mlf-concurrent", "champion");
        assertThat(history).isNotEmpty().allSatisfy(move -> assertThat(move.fromVersion()).isNotEqualTo(move.toVersion()));
        assertThat(history).extracting(AliasMove::action).containsOnly(AliasMove.Action.SET);
        assertThat(history.get(0).fromVersion()).isNull();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).fromVersion()).as("move %d starts where move %d left the alias", i, i - 1)
                    .isEqualTo(history.get(i - 1).toVersion());
        }
        assertThat(history.get(history.size() - 1).toVersion()).isEqualTo(actual);

        AliasMove rollback = registry.rollback("mlf-concurrent", "champion", ChangeNote.by("oncall"));

        assertThat(rollback.fromVersion()).isEqualTo(actual);
        assertThat(rollback.toVersion()).isEqualTo(3 - actual);
        assertThat(registry.models()).noneMatch(name -> name.startsWith("mld-lock."));
    }

    @Test
    public void shouldNoticeAnAliasMovedWithMlflowsOwnClientAndRollItBack() {
        register("mlf-outside", 3);
        ModelRegistry registry = registry();
        registry.setAlias("mlf-outside", "champion", 1, ChangeNote.by("jenkins"));
        registry.setAlias("mlf-outside", "champion", 2, ChangeNote.by("jenkins"));
        // what MlflowClient().set_registered_model_alias("mlf-outside", "champion", 3) sends
        client().post("registered-models/alias", Map.of("name", "mlf-outside", "alias", "champion", "version", "3"));

        List<AliasMove> history = registry.aliasHistory("mlf-outside", "champion");

        assertThat(history).extracting(AliasMove::toVersion).containsExactly(1, 2, 3);
        AliasMove outside = history.get(2);
        assertThat(outside.action()).isEqualTo(AliasMove.Action.OUTSIDE);
        assertThat(outside.fromVersion()).isEqualTo(2);

        AliasMove rollback = registry.rollback("mlf-outside", "champion", ChangeNote.by("oncall"));
        AliasMove again = registry.rollback("mlf-outside", "champion", ChangeNote.by("oncall"));

        assertThat(rollback.fromVersion()).isEqualTo(3);
        assertThat(rollback.toVersion()).isEqualTo(2);
        assertThat(again.fromVersion()).isEqualTo(2);
        assertThat(again.toVersion()).isEqualTo(1);
        assertThat(registry.aliasHistory("mlf-outside", "champion")).extracting(AliasMove::action).containsExactly(
                AliasMove.Action.SET, AliasMove.Action.SET, AliasMove.Action.OUTSIDE, AliasMove.Action.ROLLBACK, AliasMove.Action.ROLLBACK);
        assertThat(registry.resolveAlias("mlf-outside", "champion").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void shouldNoticeAnAliasRemovedWithMlflowsOwnClient() {
        register("mlf-outside-removed", 1);
        ModelRegistry registry = registry();
        registry.setAlias("mlf-outside-removed", "champion", 1, ChangeNote.by("jenkins"));
        client().delete("registered-models/alias", Map.of("name", "mlf-outside-removed", "alias", "champion"));

        List<AliasMove> history = registry.aliasHistory("mlf-outside-removed", null);

        assertThat(history).extracting(AliasMove::action).containsExactly(AliasMove.Action.SET, AliasMove.Action.OUTSIDE);
        assertThat(history.get(1).toVersion()).isNull();
    }
}
