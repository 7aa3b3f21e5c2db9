package io.jenkins.plugins.mldelivery.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.io.ExternalSystemException;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.FaultyHttpServer;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelArtifact;
import io.jenkins.plugins.mldelivery.core.registry.ModelLineage;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.PromoteRequest;
import io.jenkins.plugins.mldelivery.core.registry.PromoteResult;
import io.jenkins.plugins.mldelivery.core.registry.Promotion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.registry.Stage;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class MlflowModelRegistryTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final ChangeNote CI = ChangeNote.by("jenkins").fromBuild("https://ci/job/credit/41/");

    private static MlflowClient client(final URI uri) {
        return MlflowClient.at(uri).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
    }

    private static ModelRegistry registry() {
        return new MlflowModelRegistry(client(mlflow.uri()));
    }

    private static VersionRequest.Builder request(final String model, final String source) {
        return VersionRequest.forModel(model).withSource(source).registeredBy(CI);
    }

    @Test
    public void shouldRegisterAVersionWithItsMetricsParamsLineageAndBuild() {
        ModelRegistry registry = registry();

        ModelVersion registered = registry.register(request("mlf-register", "s3://models/credit/1")
                .withMetrics(Map.of("f1", 0.81, "accuracy[gender=F]", 0.86)).withParams(Map.of("max_depth", "6"))
                .withLineage(new ModelLineage(List.of(new ModelLineage.DataFile("data/train.csv", "ab12")), "cd34", "0a1b2c", false, "python train.py"))
                .withTags(Map.of("team", "risk")).build());

        ModelVersion read = registry.version("mlf-register", 1);
        assertThat(read).isEqualTo(registered);
        assertThat(read.metrics()).containsExactly(Map.entry("accuracy[gender=F]", 0.86), Map.entry("f1", 0.81));
        assertThat(read.params()).containsExactly(Map.entry("max_depth", "6"));
        assertThat(read.lineage().gitCommit()).isEqualTo("0a1b2c");
        assertThat(read.build()).isEqualTo("https://ci/job/credit/41/");
        assertThat(read.createdBy()).isEqualTo("jenkins");
        assertThat(read.tags()).containsExactly(Map.entry("team", "risk"));
        assertThat(registry.models()).contains("mlf-register");
    }

    @Test
    public void shouldTagTheVersionWithBuildCommitAndDataHashForMlflowsOwnUi() {
        registry().register(request("mlf-tags", "s3://models/m").withMetrics(Map.of("f1", 0.8))
                .withLineage(new ModelLineage(List.of(new ModelLineage.DataFile("train.csv", "ab12")), null, "0a1b2c", null, null)).build());

        JsonNode version = client(mlflow.uri()).get("model-versions/get", Map.of("name", "mlf-tags", "version", "1")).path("model_version");

        assertThat(version.path("run_link").asText()).isEqualTo("https://ci/job/credit/41/");
        assertThat(version.path("description").asText()).startsWith("# Model card: mlf-tags v1");
        assertThat(version.path("tags").findValuesAsText("key"))
                .contains("mld.build", "mld.commit", "mld.data_sha256", "metric.f1", "mld.model_card");
    }

    @Test
    public void shouldReturnTheEarlierVersionWhenARegistrationIsRetriedWithTheSameIdempotencyKey() {
        ModelRegistry registry = registry();
        VersionRequest request = request("mlf-idempotent", "s3://models/m1").withIdempotencyKey("https://ci/job/credit/41/").build();

        ModelVersion first = registry.register(request);
        ModelVersion retried = registry.register(request);

        assertThat(retried).isEqualTo(first);
        assertThat(registry.versions("mlf-idempotent")).hasSize(1);
    }

    @Test
    public void shouldRegisterTwoDifferentModelsUnderTheSameBuildKeyAsTwoVersionsAndARetryAsOne() throws IOException {
        Path first = temp.newFolder().toPath();
        Path second = temp.newFolder().toPath();
        Files.writeString(first.resolve("model.joblib"), "model one");
        Files.writeString(second.resolve("model.joblib"), "model two");
        ModelRegistry registry = registry();
        String build = "https://ci/job/credit/43/";

        ModelVersion one = registry.register(VersionRequest.forModel("mlf-same-build").registeredBy(CI).withIdempotencyKey(build)
                .withArtifacts(first, List.of(new ModelArtifact("model.joblib", 9, FileDigest.of(first.resolve("model.joblib")).sha256()))).build());
        ModelVersion two = registry.register(VersionRequest.forModel("mlf-same-build").registeredBy(CI).withIdempotencyKey(build)
                .withArtifacts(second, List.of(new ModelArtifact("model.joblib", 9, FileDigest.of(second.resolve("model.joblib")).sha256()))).build());
        ModelVersion retried = registry.register(VersionRequest.forModel("mlf-same-build").registeredBy(CI).withIdempotencyKey(build)
                .withArtifacts(first, List.of(new ModelArtifact("model.joblib", 9, FileDigest.of(first.resolve("model.joblib")).sha256()))).build());

        assertThat(one.version()).isEqualTo(1);
        assertThat(two.version()).isEqualTo(2);
        assertThat(retried.version()).isEqualTo(1);
        assertThat(Path.of(URI.create(two.source()))).hasContent("model two");
        assertThat(registry.versions("mlf-same-build")).hasSize(2);
    }

    @Test
    public void shouldRegisterAnMlflowModelDirectorySoThatMlflowLoadsTheChampionByAlias() throws Exception {
        MlflowModelFixture.assertMlflowLoadsThePromotedChampion(temp.newFolder().toPath(), mlflow.uri(), registry(), "mlf-loadable");
    }

    @Test
    public void shouldUploadModelFilesAsTheArtifactsOfARunAndRegisterThem() throws IOException {
        Path workspace = temp.newFolder().toPath();
        Path model = Files.writeString(workspace.resolve("model.joblib"), "weights");
        ModelArtifact artifact = new ModelArtifact("model.joblib", 7, FileDigest.of(model).sha256());
        ModelRegistry registry = registry();

        ModelVersion version = registry.register(VersionRequest.forModel("mlf-upload").withArtifacts(workspace, List.of(artifact))
                .withMetrics(Map.of("f1", 0.8)).registeredBy(CI).build());

        assertThat(version.runId()).isNotNull();
        assertThat(version.source()).startsWith("file:").endsWith("/artifacts/model/model.joblib");
        assertThat(Path.of(URI.create(version.source()))).hasContent("weights");
        JsonNode run = client(mlflow.uri()).get("runs/get", Map.of("run_id", version.runId())).path("run");
        assertThat(run.at("/data/metrics/0/key").asText()).isEqualTo("f1");
        assertThat(run.at("/info/status").asText()).isEqualTo("FINISHED");
    }

    @Test
    public void shouldUploadThroughMlflowsArtifactProxy() throws Exception {
        MlflowClient client = client(mlflow.uri());
        client.post("experiments/create", Map.of("name", "proxied", "artifact_location", "mlflow-artifacts:/proxied"));
        Path workspace = temp.newFolder().toPath();
        Path model = Files.writeString(workspace.resolve("model.joblib"), "proxied weights");
        ModelRegistry registry = new MlflowModelRegistry(client, "proxied", Clock.systemUTC(), Duration.ofMinutes(1));

        ModelVersion version = registry.register(VersionRequest.forModel("mlf-proxy").registeredBy(CI)
                .withArtifacts(workspace, List.of(new ModelArtifact("model.joblib", 15, FileDigest.of(model).sha256()))).build());

        assertThat(version.source()).startsWith("mlflow-artifacts:/proxied/").endsWith("/artifacts/model/model.joblib");
        String path = URI.create(version.source()).getPath();
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                mlflow.uri().resolve("/api/2.0/mlflow-artifacts/artifacts" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.body()).isEqualTo("proxied weights");
    }

    @Test
    public void shouldReadMetricsFromTheRunOfAVersionRegisteredByAnotherTool() {
        MlflowClient client = client(mlflow.uri());
        String runId = client.post("runs/create", Map.of("experiment_id", "0")).at("/run/info/run_id").asText();
        client.post("runs/log-batch", Map.of("run_id", runId, "metrics", List.of(Map.of("key", "f1", "value", 0.77, "timestamp", 1, "step", 0))));
        client.post("registered-models/create", Map.of("name", "mlf-foreign"));
        client.post("model-versions/create", Map.of("name", "mlf-foreign", "source", "s3://elsewhere/model", "run_id", runId));
        client.post("registered-models/alias", Map.of("name", "mlf-foreign", "alias", "champion", "version", "1"));

        ModelVersion champion = registry().resolveAlias("mlf-foreign", "champion").orElseThrow();

        assertThat(champion.metric("f1")).hasValue(0.77);
        assertThat(champion.runId()).isEqualTo(runId);
    }

    @Test
    public void shouldMoveAliasesRecordTheirHistoryAndRollBack() {
        ModelRegistry registry = registry();
        for (int i = 1; i <= 3; i++) {
            registry.register(request("mlf-alias", "s3://models/m" + i).build());
        }
        registry.setAlias("mlf-alias", "champion", 1, CI.because("first"));
        registry.setAlias("mlf-alias", "champion", 2, CI);
        registry.setAlias("mlf-alias", "challenger", 3, CI);
        registry.setAlias("mlf-alias", "champion", 3, ChangeNote.by("bob").because("f1 +0.03"));

        AliasMove rollback = registry.rollback("mlf-alias", "champion", ChangeNote.by("oncall").because("latency"));

        assertThat(rollback.fromVersion()).isEqualTo(3);
        assertThat(rollback.toVersion()).isEqualTo(2);
        assertThat(registry.resolveAlias("mlf-alias", "champion").orElseThrow().version()).isEqualTo(2);
        assertThat(registry.findModel("mlf-alias").orElseThrow().aliases()).containsExactly(Map.entry("challenger", 3), Map.entry("champion", 2));
        List<AliasMove> history = registry.aliasHistory("mlf-alias", "champion");
        assertThat(history).extracting(AliasMove::toVersion).containsExactly(1, 2, 3, 2);
        assertThat(history).extracting(AliasMove::who).containsExactly("jenkins", "jenkins", "bob", "oncall");
        assertThat(history.get(0).reason()).isEqualTo("first");
        assertThat(registry.aliasHistory("mlf-alias", null)).hasSize(5);
    }

    @Test
    public void shouldRemoveAnAlias() {
        ModelRegistry registry = registry();
        registry.register(request("mlf-remove", "s3://models/m").build());
        registry.setAlias("mlf-remove", "champion", 1, CI);

        registry.removeAlias("mlf-remove", "champion", CI);

        assertThat(registry.resolveAlias("mlf-remove", "champion")).isEmpty();
        assertThat(registry.aliasHistory("mlf-remove", "champion")).extracting(AliasMove::action)
                .containsExactly(AliasMove.Action.SET, AliasMove.Action.REMOVE);
    }

    @Test
    public void shouldRefuseUnknownModelsVersionsAndRollbacksWithoutHistory() {
        ModelRegistry registry = registry();
        registry.register(request("mlf-errors", "s3://models/m").build());
        registry.setAlias("mlf-errors", "champion", 1, CI);
        String uri = registry.uri();

        assertThatThrownBy(() -> registry.setAlias("mlf-errors", "champion", 9, CI))
                .isInstanceOf(BadInputException.class).hasMessage("registry " + uri + ": model 'mlf-errors' has no version 9");
        assertThatThrownBy(() -> registry.versions("mlf-nobody"))
                .isInstanceOf(BadInputException.class).hasMessage("registry " + uri + ": no model 'mlf-nobody'");
        assertThatThrownBy(() -> registry.rollback("mlf-errors", "champion", CI))
                .isInstanceOf(BadInputException.class)
                .hasMessage("registry " + uri + ": alias 'champion' of model 'mlf-errors' has no earlier version to roll back to");
        assertThat(registry.findVersion("mlf-nobody", 1)).isEmpty();
        assertThat(registry.resolveAlias("mlf-errors", "challenger")).isEmpty();
    }

    @Test
    public void shouldSupportTheDeprecatedStages() {
        ModelRegistry registry = registry();
        registry.register(request("mlf-stages", "s3://models/m1").build());
        registry.register(request("mlf-stages", "s3://models/m2").build());
        registry.setStage("mlf-stages", 1, Stage.PRODUCTION, false, CI);

        ModelVersion second = registry.setStage("mlf-stages", 2, Stage.PRODUCTION, true, CI);

        assertThat(second.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(registry.version("mlf-stages", 1).stage()).isEqualTo(Stage.ARCHIVED);
    }

    @Test
    public void shouldKeepTheModelCardWithTheVersion() {
        ModelRegistry registry = registry();
        registry.register(request("mlf-card", "s3://models/m").withMetrics(Map.of("f1", 0.8)).withIntendedUse("Credit scoring for {{model}}.").build());

        assertThat(registry.card("mlf-card", 1).orElseThrow().intendedUse()).isEqualTo("Credit scoring for mlf-card.");
    }

    @Test
    public void shouldPromoteTrainResultsIntoTheTrainingsRunAndRollTheChampionBack() throws IOException {
        MlflowClient client = client(mlflow.uri());
        String trainingRun = client.post("runs/create", Map.of("experiment_id", "0")).at("/run/info/run_id").asText();
        ModelRegistry registry = registry();
        Promotion promotion = new Promotion(registry, Clock.systemUTC());

        PromoteResult first = promotion.promote(PromoteRequest.of("mlf-promote", "champion")
                .fromTrainResult(trainResult("one", trainingRun)).by(CI).withIdempotencyKey("https://ci/job/credit/1/").build());
        PromoteResult second = promotion.promote(PromoteRequest.of("mlf-promote", "champion")
                .fromTrainResult(trainResult("two", null)).by(CI).withIdempotencyKey("https://ci/job/credit/2/").build());
        AliasMove rollback = registry.rollback("mlf-promote", "champion", ChangeNote.by("oncall").because("latency"));

        ModelVersion v1 = registry.version("mlf-promote", 1);
        assertThat(v1.runId()).isEqualTo(trainingRun);
        assertThat(Path.of(URI.create(v1.source()))).hasContent("weights one");
        assertThat(first.previousVersion()).isNull();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.previousVersion()).isEqualTo(1);
        assertThat(rollback.toVersion()).isEqualTo(1);
        assertThat(registry.resolveAlias("mlf-promote", "champion").orElseThrow().metric("f1")).hasValue(0.81);
    }

    private Path trainResult(final String name, final String mlflowRun) throws IOException {
        Path work = temp.newFolder(name).toPath();
        Path model = Files.writeString(Files.createDirectories(work.resolve("model")).resolve("model.joblib"), "weights " + name);
        return Files.writeString(work.resolve("train.json"), """
                {"step": "train", "status": "PASSED", "metrics": {"f1": 0.81}, "params": {"max_depth": 6},
                 "lineage": {"data": [], "gitCommit": "0a1b2c", "command": "python train.py", "workDir": "%s"},
                 "artifacts": [{"path": "model/model.joblib", "bytes": %d, "sha256": "%s"}]%s}
                """.formatted(work, Files.size(model), FileDigest.of(model).sha256(),
                mlflowRun == null ? "" : ", \"mlflow\": {\"runId\": \"" + mlflowRun + "\"}"));
    }

    @Test
    public void shouldRideOutServerErrorsAndReportAServerThatIsDownOrForbidding() {
        try (FaultyHttpServer flaky = FaultyHttpServer.failingFirst(mlflow.uri(), 2, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}");
                FaultyHttpServer forbidden = FaultyHttpServer.alwaysAnswering(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User ci cannot edit mlf-x\"}")) {
            assertThat(new MlflowModelRegistry(client(flaky.uri())).models()).isNotEmpty();
            assertThatThrownBy(() -> new MlflowModelRegistry(client(forbidden.uri())).setAlias("mlf-x", "champion", 1, CI))
                    .isInstanceOf(ExternalSystemException.class)
                    .hasMessage("MLflow " + forbidden.uri() + ": GET registered-models/get answered 403 PERMISSION_DENIED: User ci cannot edit mlf-x");
        }
        URI down = URI.create("http://127.0.0.1:" + ServerProcess.freePort());
        assertThatThrownBy(() -> RegistryUri.parse("mlflow:" + down).open(io.jenkins.plugins.mldelivery.core.mlflow.MlflowCredentials.none())
                .resolveAlias("m", "champion"))
                .isInstanceOf(ExternalSystemException.class)
                .hasMessageStartingWith("MLflow " + down + " is unreachable: GET registered-models/alias: connection refused");
    }
}
