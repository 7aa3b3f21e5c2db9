package io.jenkins.plugins.mldelivery.core.canary;

import io.jenkins.plugins.mldelivery.core.canary.plan.PlanReader;
import io.jenkins.plugins.mldelivery.core.canary.plan.RolloutPlan;
import io.jenkins.plugins.mldelivery.core.canary.runtime.Sleeper;
import io.jenkins.plugins.mldelivery.core.canary.source.ReplaySourceTest;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.registry.mlflow.MlflowModelRegistry;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay canary whose versions come from a real MLflow registry (the project's MLflow): the model
 * files are the registry's sources, which live in MLflow's artifact store, not beside the plan.
 */
public class MlflowRolloutTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path dir;
    private String model;

    @Before
    public void writeFixture() throws IOException {
        dir = folder.getRoot().toPath();
        ReplaySourceTest.fixture(dir, 1200);
        model = "canary-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers the model files as versions 1 and 2 and moves {@code champion} from 1 to 2, as promote-then-canary does. */
    private ModelRegistry promote(final ModelRegistry registry, final String stableFile, final String canaryFile) throws IOException {
        for (String file : List.of(stableFile, canaryFile)) {
            Path workspace = folder.newFolder().toPath();
            Path copy = Files.copy(dir.resolve(file), workspace.resolve("model.json"));
            registry.register(VersionRequest.forModel(model).registeredBy(ChangeNote.by("test"))
                    .withArtifacts(workspace, List.of(new ModelArtifact("model.json", Files.size(copy), FileDigest.of(copy).sha256())))
                    .build());
        }
        registry.setAlias(model, "champion", 1, ChangeNote.by("test"));
        registry.setAlias(model, "champion", 2, ChangeNote.by("test"));
        return registry;
    }

    private RolloutPlan plan() throws IOException {
        return plan("'{model}'");
    }

    private RolloutPlan plan(final String modelArgument) throws IOException {
        Path file = dir.resolve("canary.yaml");
        Files.writeString(file, String.join("\n",
                "model: " + model,
                "registry: mlflow:" + mlflow.uri(),
                "stable: {alias: champion, previous: true}",
                "canary: {alias: champion}",
                "steps: [20, 50, 100]",
                "metrics: [{name: misclassification_rate, critical: true}, {name: error_rate, critical: true}]",
                "source: {type: replay, requests: requests.csv, command: ['" + ExternalTools.python() + "', score.py, --model, " + modelArgument + ","
                        + " --data, '{input}', --out, '{output}']}",
                ""));
        return PlanReader.read(file);
    }

    private static CanaryResult run(final RolloutPlan plan) {
        try (RolloutController controller = RolloutController.open(plan, Clock.systemUTC(), Sleeper.REAL, "build 9")) {
            return controller.run();
        }
    }

    @Test
    public void shouldDownloadTheModelsFromMlflowsArtifactProxyAndMoveTheAliasBackOnAJudgedRegression() throws IOException {
        MlflowClient client = MlflowClient.at(mlflow.uri()).build();
        String experiment = model + "-proxied";
        client.post("experiments/create", Map.of("name", experiment, "artifact_location", "mlflow-artifacts:/" + experiment));
        ModelRegistry registry = promote(new MlflowModelRegistry(client, experiment, Clock.systemUTC(), Duration.ofMinutes(1)),
                "champion.json", "biased.json");
        ModelVersion canary = registry.version(model, 2);
        assertThat(canary.source()).startsWith("mlflow-artifacts:/");

        CanaryResult result = run(plan());

        assertThat(result.decision()).isEqualTo(CanaryDecision.ROLLED_BACK);
        assertThat(result.externalFailure()).as("scored, not failed: %s", result.reason()).isFalse();
        assertThat(result.steps().get(0).metrics()).isNotEmpty();
        assertThat(result.reason()).contains("misclassification_rate").endsWith("alias 'champion' moved back from v2 to v1 in "
                + registry.uri());
        assertThat(registry.resolveAlias(model, "champion").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void shouldUseTheModelsOfAFileArtifactStoreWhereTheyAre() throws IOException {
        ModelRegistry registry = promote(new MlflowModelRegistry(MlflowClient.at(mlflow.uri()).build()), "champion.json", "champion.json");
        assertThat(registry.version(model, 2).source()).startsWith("file:");

        CanaryResult result = run(plan());

        assertThat(result.decision()).as(result.reason()).isEqualTo(CanaryDecision.PROMOTED);
        assertThat(result.inputs()).extracting(input -> Path.of(input.path()).getFileName().toString()).contains("model.json");
    }

    @Test
    public void shouldDownloadAWholeModelDirectoryOnceAndScoreWithIt() throws IOException {
        MlflowClient client = MlflowClient.at(mlflow.uri()).build();
        String experiment = model + "-directory";
        client.post("experiments/create", Map.of("name", experiment, "artifact_location", "mlflow-artifacts:/" + experiment));
        ModelRegistry registry = new MlflowModelRegistry(client, experiment, Clock.systemUTC(), Duration.ofMinutes(1));
        for (int version = 1; version <= 2; version++) {
            Path workspace = folder.newFolder().toPath();
            Path weights = Files.copy(dir.resolve("champion.json"), workspace.resolve("model.json"));
            Path descriptor = Files.writeString(workspace.resolve("MLmodel"), "flavors: {}\n");
            registry.register(VersionRequest.forModel(model).registeredBy(ChangeNote.by("test")).withArtifacts(workspace, List.of(
                    new ModelArtifact("MLmodel", Files.size(descriptor), FileDigest.of(descriptor).sha256()),
                    new ModelArtifact("model.json", Files.size(weights), FileDigest.of(weights).sha256()))).build());
        }
        registry.setAlias(model, "champion", 1, ChangeNote.by("test"));
        registry.setAlias(model, "champion", 2, ChangeNote.by("test"));
        RolloutPlan plan = plan("'{model}/model.json'");

        CanaryResult result = run(plan);

        assertThat(result.decision()).as(result.reason()).isEqualTo(CanaryDecision.PROMOTED);
        try (var kept = Files.list(dir.resolve(".canary.state.json.models"))) {
            assertThat(kept.map(entry -> entry.getFileName().toString()).toList())
                    .hasSize(2).allMatch(name -> name.startsWith(model + "-v"));
        }
        try (var kept = Files.list(dir.resolve(".canary.state.json.models"))) {
            Path canaryFiles = kept.filter(entry -> entry.getFileName().toString().startsWith(model + "-v2-")).findFirst().orElseThrow();
            assertThat(canaryFiles.resolve("model/MLmodel")).hasContent("flavors: {}\n");
            assertThat(canaryFiles.resolve("model/model.json")).hasSameTextualContentAs(dir.resolve("champion.json"));
        }
    }
}
