package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.ReplaySourceTest;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry tells what to roll out and what to roll back to: a pipeline that promoted its new
 * version to {@code champion} replays it against the version the alias pointed to before.
 */
public class RegistryRolloutTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path dir;
    private ModelRegistry registry;

    @Before
    public void registerTwoVersions() throws IOException {
        dir = folder.getRoot().toPath();
        ReplaySourceTest.fixture(dir, 1200);
        registry = RegistryUri.open("file:" + dir.resolve("registry"));
        registry.register(VersionRequest.forModel("credit-risk").withSource(dir.resolve("champion.json").toString())
                .registeredBy(ChangeNote.by("test")).build());
        registry.register(VersionRequest.forModel("credit-risk").withSource(dir.resolve("biased.json").toString())
                .registeredBy(ChangeNote.by("test")).build());
        registry.setAlias("credit-risk", "champion", 1, ChangeNote.by("test"));
        registry.setAlias("credit-risk", "champion", 2, ChangeNote.by("test"));
    }

    private RolloutPlan plan(final String stable, final String canary) throws IOException {
        Path file = dir.resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: credit-risk",
                "registry: file:registry",
                "stable: " + stable,
                "canary: " + canary,
                "steps: [20, 50, 100]",
                "metrics: [{name: misclassification_rate, critical: true}, {name: error_rate, critical: true}]",
                "source: {type: replay, requests: requests.csv, command: ['" + ExternalTools.python() + "', score.py, --model, '{model}',"
                        + " --data, '{input}', --out, '{output}']}",
                ""));
        return PlanReader.read(file);
    }

    @Test
    public void shouldReplayTheNewChampionAgainstTheVersionTheAliasPointedToBefore() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");

        CanaryResult result;
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            result = controller.run();
        }

        assertThat(result.stableVersion()).isEqualTo("1");
        assertThat(result.canaryVersion()).isEqualTo("2");
        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.inputs()).extracting(input -> Path.of(input.path()).getFileName().toString())
                .contains("champion.json", "biased.json");
    }

    @Test
    public void shouldMoveTheAliasBackToTheStableVersionWhenTheCanaryRollsBack() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");

        CanaryResult result;
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "build 7")) {
            result = controller.run();
        }

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(1);
        var last = registry.aliasHistory("credit-risk", "champion").get(2);
        assertThat(last.fromVersion()).isEqualTo(2);
        assertThat(last.toVersion()).isEqualTo(1);
        assertThat(last.who()).isEqualTo("build 7");
        assertThat(last.reason()).startsWith("canary rolled back: ");
        assertThat(result.reason()).endsWith("alias 'champion' moved back from v2 to v1 in " + registry.uri());
    }

    @Test
    public void shouldLeaveTheAliasAloneWhenSomeoneMovedItDuringTheRollout() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            controller.advance();
        }
        registry.register(VersionRequest.forModel("credit-risk").withSource(dir.resolve("champion.json").toString())
                .registeredBy(ChangeNote.by("test")).build());
        registry.setAlias("credit-risk", "champion", 3, ChangeNote.by("someone else"));

        CanaryResult result;
        try (RolloutController resumed = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            result = resumed.run();
        }

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(3);
        assertThat(result.reason()).contains("alias 'champion' left as it is: it points to v3, not to the canary v2");
    }

    @Test
    public void shouldResolveARegistryVersionNumberToItsModelFile() throws IOException {
        RolloutPlan plan = RegistryModels.resolve(plan("{version: 1}", "{version: 1}"));

        assertThat(plan.canary().model()).isEqualTo(dir.resolve("champion.json").toString());
    }

    @Test
    public void shouldKeepTheVersionsItStartedWithWhenTheAliasMovesDuringTheRollout() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            controller.advance();
        }
        registry.setAlias("credit-risk", "champion", 1, ChangeNote.by("someone else"));

        try (RolloutController resumed = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test")) {
            assertThat(resumed.state().canary().version()).isEqualTo("2");
            assertThat(resumed.run().canaryVersion()).isEqualTo("2");
        }
    }

    @Test
    public void shouldNameTheMissingAlias() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: challenger}");

        assertThatThrownBy(() -> RegistryModels.resolve(plan)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith(": model 'credit-risk' has no alias 'challenger'");
    }

    @Test
    public void shouldRefuseAnAliasWithoutARegistry() throws IOException {
        Path file = dir.resolve("plain.yaml");
        Files.writeString(file, String.join("\n", "model: m", "stable: {alias: champion}", "canary: {version: '2', model: b}",
                "steps: [50]", "metrics: [{name: error_rate}]", "source: {type: replay, requests: r.csv, command: 'score {model}'}", ""));

        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": stable.alias: an alias needs a registry (registry: file:DIR or mlflow:http://HOST:PORT)");
    }

    @Test
    public void shouldNeverMoveTheAliasWhenTheRollbackCameFromScoringErrors() throws IOException {
        registry.register(VersionRequest.forModel("credit-risk").withSource(dir.resolve("broken.json").toString())
                .registeredBy(ChangeNote.by("test")).build());
        registry.register(VersionRequest.forModel("credit-risk").withSource(dir.resolve("champion.json").toString())
                .registeredBy(ChangeNote.by("test")).build());
        registry.setAlias("credit-risk", "champion", 3, ChangeNote.by("test"));
        registry.setAlias("credit-risk", "champion", 4, ChangeNote.by("test"));
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");

        CanaryResult result;
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "build 8")) {
            result = controller.run();
        }

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.externalFailure()).as("the stable version's scoring failed: exit 3").isTrue();
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(4);
        assertThat(registry.aliasHistory("credit-risk", "champion")).hasSize(4);
        assertThat(result.reason()).endsWith("alias 'champion' left at v4: only a judged regression moves it, and this rollback"
                + " came from an error, not a judgement; if v4 must not stay, run ml-delivery registry rollback");
    }

    @Test
    public void shouldLeaveTheAliasToAPersonWhoRollsBackWithoutAJudgement() throws IOException {
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");

        CanaryResult result;
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "build 7")) {
            controller.advance();
            controller.abort("rolled back by alice");
            result = controller.run();
        }

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(registry.resolveAlias("credit-risk", "champion").orElseThrow().version()).isEqualTo(2);
        assertThat(result.reason()).startsWith("rolled back by alice; alias 'champion' left at v2");
    }

    @Test
    public void shouldRefuseAModelInAStoreItCannotReadBeforeAnyTrafficMoves() throws IOException {
        registry.register(VersionRequest.forModel("credit-risk").withSource("s3://models/credit-risk/3/model.json")
                .registeredBy(ChangeNote.by("test")).build());
        registry.setAlias("credit-risk", "champion", 3, ChangeNote.by("test"));
        RolloutPlan plan = plan("{alias: champion, previous: true}", "{alias: champion}");

        assertThatThrownBy(() -> RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(plan.file() + ": canary: version 3 (alias champion) of 'credit-risk' keeps its model at"
                        + " s3://models/credit-risk/3/model.json, a store the canary cannot read (s3); give the model file in the plan"
                        + " (canary: {version: 3, model: PATH}) or register it through MLflow's artifact proxy");
        assertThat(plan.stateFile()).doesNotExist();
    }
}
