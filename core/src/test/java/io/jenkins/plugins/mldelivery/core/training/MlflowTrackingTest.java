package io.jenkins.plugins.mldelivery.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.mlflow.MlflowClient;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.testing.MlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.SharedMlflowServer;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

/** Logs real training results to a real MLflow server and reads the runs back through its REST API. */
public class MlflowTrackingTest {
    @ClassRule
    public static MlflowServer mlflow = SharedMlflowServer.instance();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Trainer trainer = new Trainer(line -> { }, Clock.systemUTC());
    private MlflowClient client;
    private ToyProject project;
    private Path artifacts;

    @Before
    public void createProject() throws Exception {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        client = MlflowClient.at(mlflow.uri()).build();
        project = ToyProject.in(folder.newFolder("project").toPath());
        Files.writeString(project.dir().resolve("history.csv"), "epoch,val_loss\n1,0.9\n2,0.6\n3,0.4\n");
        Files.writeString(project.dir().resolve("slices.json"), "{\"accuracy[gender=F]\": 0.69}");
        artifacts = folder.getRoot().toPath().resolve("artifacts");
    }

    private TrainingRequest.Builder request() {
        return project.request().readingMetrics(Path.of("history.csv")).readingMetrics(Path.of("slices.json")).publishingTo(artifacts);
    }

    private JsonNode run(final String runId) {
        return client.get("runs/get", Map.of("run_id", runId)).path("run");
    }

    private static Map<String, String> entries(final JsonNode list) {
        Map<String, String> map = new HashMap<>();
        list.forEach(entry -> map.put(entry.path("key").asText(), entry.path("value").asText()));
        return map;
    }

    @Test
    public void shouldLogParamsMetricsAndLineageTagsThatReadBackThroughTheRestApi() throws Exception {
        String commit = commitTheProject();
        TrainResult result = trainer.train(request().build());

        TrainResult logged = new MlflowTracking(client, "credit-risk-ci").log(result, new TrackingContext("credit-risk #7",
                "https://ci.example.com/job/credit-risk/7/", null, Map.of("team", "risk")));

        assertThat(logged.status()).as(logged.summary()).isEqualTo(Status.PASSED);
        assertThat(logged.mlflow().logged()).isTrue();
        assertThat(logged.mlflow().runUrl()).startsWith(mlflow.uri() + "/#/experiments/");
        JsonNode run = run(logged.mlflow().runId());
        assertThat(run.at("/info/status").asText()).isEqualTo("FINISHED");
        assertThat(run.at("/info/run_name").asText()).isEqualTo("credit-risk #7");
        assertThat(entries(run.at("/data/params"))).containsEntry("model.depth", "2").containsEntry("model.lr", "0.1")
                .containsEntry("seed", "1");
        assertThat(entries(run.at("/data/metrics"))).containsEntry("accuracy", "0.7").containsEntry("loss", "0.25")
                .containsEntry("val_loss", "0.4").containsEntry("accuracy_gender_F", "0.69");
        Map<String, String> tags = entries(run.at("/data/tags"));
        assertThat(tags).containsEntry("mlflow.source.git.commit", commit)
                .containsEntry("mld.git_dirty", "false")
                .containsEntry("mld.data_sha256", TrainerTest.sha256(ToyProject.DATA))
                .containsEntry("mld.params_sha256", result.lineage().paramsSha256())
                .containsEntry("mld.build_url", "https://ci.example.com/job/credit-risk/7/")
                .containsEntry("mld.artifact_location", artifacts.toAbsolutePath().toUri().toString())
                .containsEntry("mld.renamed_metrics", "{\"accuracy_gender_F\":\"accuracy[gender=F]\"}")
                .containsEntry("team", "risk");
        JsonNode history = client.get("metrics/get-history", Map.of("run_id", logged.mlflow().runId(), "metric_key", "val_loss"))
                .path("metrics");
        assertThat(history).extracting(point -> point.path("step").asInt() + ":" + point.path("value").asDouble())
                .containsExactlyInAnyOrder("0:0.9", "1:0.6", "2:0.4");
    }

    @Test
    public void shouldLogAFailedTrainingAsAFailedRunWithItsReason() {
        TrainResult result = trainer.train(request().withEnvironment("MODE", "fail").build());

        TrainResult logged = new MlflowTracking(client, "credit-risk-ci").log(result, new TrackingContext(null, null, null, Map.of()));

        assertThat(logged.status()).isEqualTo(Status.FAILED);
        JsonNode run = run(logged.mlflow().runId());
        assertThat(run.at("/info/status").asText()).isEqualTo("FAILED");
        assertThat(entries(run.at("/data/tags"))).containsEntry("mld.failure", "the command exited with code 3");
    }

    @Test
    public void shouldLogEachTrialOfASweepAsAChildRun() throws Exception {
        Path grid = folder.getRoot().toPath().resolve("sweep.yaml");
        Files.writeString(grid, "metric: accuracy\ndirection: maximize\ngrid:\n  model.depth: [1, 4]\n");
        TrainResult result = trainer.sweep(request().build(), SweepPlan.read(grid, null, null, null));

        TrainResult logged = new MlflowTracking(client, "sweeps").log(result, new TrackingContext("sweep", null, null, Map.of()));

        JsonNode children = client.post("runs/search", Map.of("experiment_ids", List.of(logged.mlflow().experimentId()),
                "filter", "tags.mlflow.parentRunId = '" + logged.mlflow().runId() + "'")).path("runs");
        assertThat(children).extracting(child -> child.at("/info/run_name").asText() + " best=" + entries(child.at("/data/tags")).get("mld.best")
                + " depth=" + entries(child.at("/data/params")).get("model.depth")
                + " accuracy=" + entries(child.at("/data/metrics")).get("accuracy"))
                .containsExactlyInAnyOrder("trial 1 best=false depth=1 accuracy=0.6", "trial 2 best=true depth=4 accuracy=0.9");
        assertThat(entries(run(logged.mlflow().runId()).at("/data/params"))).containsEntry("model.depth", "4");
    }

    @Test
    public void shouldKeepTheResultAndWarnWhenTheServerCannotBeReached() {
        TrainResult result = trainer.train(request().build());
        MlflowClient unreachable = MlflowClient.at(URI.create("http://127.0.0.1:" + ServerProcess.freePort()))
                .withMaxAttempts(1).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();

        TrainResult logged = new MlflowTracking(unreachable, "credit-risk-ci").log(result, new TrackingContext(null, null, null, Map.of()));

        assertThat(logged.status()).isEqualTo(Status.WARNING);
        assertThat(logged.mlflow().logged()).isFalse();
        assertThat(logged.failure()).startsWith("MLflow tracking failed: ").contains("127.0.0.1");
        assertThat(logged.metrics()).isEqualTo(result.metrics());
        assertThat(artifacts.resolve("model/model.bin")).exists();
    }

    @Test
    public void shouldNameMetricsAsMlflowAcceptsThem() {
        assertThat(MlflowTracking.mlflowKey("accuracy[gender=F]")).isEqualTo("accuracy_gender_F");
        assertThat(MlflowTracking.mlflowKey("f1[region=south west]")).isEqualTo("f1_region_south west");
        assertThat(MlflowTracking.mlflowKey("eval.auc/roc")).isEqualTo("eval.auc/roc");
    }

    private String commitTheProject() throws Exception {
        assumeTrue("git is installed", new ProcessBuilder("git", "--version").start().waitFor() == 0);
        for (List<String> command : List.of(List.of("git", "init", "-q"), List.of("git", "add", "."),
                List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "toy"))) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.dir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            builder.environment().put("HOME", folder.getRoot().getPath());
            assertThat(builder.start().waitFor()).isZero();
        }
        Process head = new ProcessBuilder("git", "rev-parse", "HEAD").directory(project.dir().toFile()).start();
        return new String(head.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
