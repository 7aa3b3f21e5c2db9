package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Promotion into MLflow as most teams run it, {@code mlflow server --default-artifact-root /dir}:
 * the runs' artifact URIs are plain paths that MLflow's own client writes directly; and models that
 * MLflow's own loaders can load by alias.
 */
public class MlflowLocalArtifactRootTest {
    @ClassRule
    public static MlflowServer mlflow = MlflowServer.withLocalArtifactRoot();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final ChangeNote CI = ChangeNote.by("jenkins").fromBuild("https://ci/job/credit/7/");

    private static ModelRegistry registry() {
        return new MlflowModelRegistry(MlflowClient.at(mlflow.uri()).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build());
    }

    private static PromoteResult promote(final String model, final Path train) {
        return new Promotion(registry(), Clock.systemUTC()).promote(PromoteRequest.of(model, "champion").fromTrainResult(train)
                .by(CI).withIdempotencyKey(CI.build()).build());
    }

    @Test
    public void shouldWriteTheModelFilesIntoTheLocalArtifactRootAsMlflowsOwnClientDoes() throws IOException {
        Path workspace = temp.newFolder("workspace").toPath();
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.joblib"), "weights");

        PromoteResult result = promote("local-root", MlflowModelFixture.trainResult(workspace));

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.source()).startsWith(mlflow.artifactRoot().toString()).endsWith("/artifacts/model/model/model.joblib");
        assertThat(Path.of(result.source())).hasContent("weights");
        assertThat(registry().resolveAlias("local-root", "champion").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    public void shouldLeaveNoModelInTheRegistryWhenThePromotionFails() throws IOException {
        Path workspace = temp.newFolder("changed").toPath();
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.joblib"), "weights");
        Path train = MlflowModelFixture.trainResult(workspace);
        Files.writeString(workspace.resolve("model/model.joblib"), "retrained weights");

        assertThatThrownBy(() -> promote("never-registered", train)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(the file changed after training)");
        assertThat(registry().findModel("never-registered")).isEmpty();
    }

    @Test
    public void shouldRegisterAnMlflowModelSoThatMlflowLoadsTheChampionByAlias() throws Exception {
        MlflowModelFixture.assertMlflowLoadsThePromotedChampion(temp.newFolder("mlflow-model").toPath(), mlflow.uri(), registry(), "loadable");
    }
}
