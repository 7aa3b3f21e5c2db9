package io.jenkins.plugins.mldelivery.core.seams;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

/**
 * Specifies the seams the Jenkins plugin calls on an agent, in the workspace a real Jenkins gives
 * them: {@code node {}} allocates {@code …/j h…/workspace/test0} (JenkinsRule puts a space in every
 * path) without creating it. A seam refuses a workspace that does not exist, naming it, which is why
 * every step creates it first ({@code FilePath.mkdirs()} on the agent); once the workspace directory
 * alone exists, each seam creates the folders it writes to below it.
 */
public class EngineSeamsTest {
    private static final String TRAINING = "mkdir -p model && printf '{\"accuracy\": 0.91, \"f1\": 0.8}' > metrics.json"
            + " && printf 'weights' > model/model.bin && echo trained";
    private static final String ARTIFACTS = ".ml-delivery/train";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path workspace;

    @Before
    public void allocateTheWorkspaceWithoutCreatingIt() {
        assumeTrue("the training command is a POSIX shell line", Files.isExecutable(Path.of("/bin/sh")));
        workspace = folder.getRoot().toPath().resolve("j h4288470589070422341/workspace/test0");
    }

    @Test
    public void shouldRefuseToPrepareATrainingInAWorkspaceThatDoesNotExistNamingIt() {
        assertThatThrownBy(() -> EngineSeams.prepareTraining(workspace, training(null)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("working directory " + workspace + " does not exist");
    }

    @Test
    public void shouldTrainAndPublishIntoAFolderItCreatesOnceTheWorkspaceExists() throws Exception {
        Files.createDirectories(workspace); // what the step's FilePath.mkdirs() does on the agent
        TrainRequest request = training(90_000L);

        String prepared = EngineSeams.prepareTraining(workspace, request);
        CommandOutcome outcome = launch(EngineSeams.trainingEnvironment(prepared));
        EngineResult result = EngineSeams.recordTraining(workspace, request, prepared, outcome);

        JsonNode train = result.tree();
        assertThat(train.path("status").asText()).as(result.summary()).isEqualTo("PASSED");
        assertThat(train.path("metrics").path("accuracy").asDouble()).isEqualTo(0.91);
        assertThat(train.path("artifacts").get(0).path("path").asText()).isEqualTo("model/model.bin");
        assertThat(workspace.resolve(ARTIFACTS).resolve("model/model.bin")).hasContent("weights");
        assertThat(EngineResult.decode(result.encode())).isEqualTo(result);
    }

    @Test
    public void shouldValidateAndWriteTheBatchProfileIntoAFolderItCreates() throws IOException {
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("batch.csv"), "age,income\n31,1200\n45,2300\n52,3100\n",
                StandardCharsets.UTF_8); // what checkout or writeFile puts there
        ValidateRequest request = new ValidateRequest("batch.csv", null, null, null,
                ".ml-delivery/01-validate.batch-profile.json");

        EngineResult result = EngineSeams.validate(workspace, request);

        assertThat(result.tree().path("rows").asLong()).isEqualTo(3);
        assertThat(workspace.resolve(".ml-delivery/01-validate.batch-profile.json")).isRegularFile();
    }

    @Test
    public void shouldJudgeAProfileComputedElsewhereAsTheSameDataWithoutItsRows() throws IOException {
        Files.createDirectories(workspace);
        StringBuilder reference = new StringBuilder("age,income\n");
        StringBuilder batch = new StringBuilder("age,income\n");
        for (int i = 0; i < 400; i++) {
            reference.append(20 + i % 40).append(',').append(1000 + 7 * i).append('\n');
            batch.append(20 + i % 40).append(',').append(4000 + 7 * i).append('\n'); // income moved far up
        }
        Files.writeString(workspace.resolve("reference.csv"), reference);
        Files.writeString(workspace.resolve("batch.csv"), batch);
        EngineSeams.validate(workspace, new ValidateRequest("reference.csv", null, null, null, "profiles/reference.json"));
        EngineResult fromRows = EngineSeams.validate(workspace,
                new ValidateRequest("batch.csv", "profiles/reference.json", null, null, "profiles/batch.json"));

        // mlValidateData data: 'batch.profile.json' (a Spark job's profile, say) judges it without the rows
        EngineResult fromProfile = EngineSeams.validate(workspace,
                new ValidateRequest("profiles/batch.json", "profiles/reference.json", null, null, ".ml-delivery/03-validate.batch-profile.json"));

        assertThat(fromProfile.tree().path("rows").asLong()).isEqualTo(400);
        assertThat(fromProfile.tree().path("drift").path("datasetDrift").asBoolean()).isTrue();
        assertThat(fromProfile.tree().path("drift").path("columns")).isEqualTo(fromRows.tree().path("drift").path("columns"));
        assertThat(workspace.resolve(".ml-delivery/03-validate.batch-profile.json"))
                .hasSameBinaryContentAs(workspace.resolve("profiles/batch.json"));
    }

    @Test
    public void shouldJudgeTheMetricsOfThisBuildsTrainingWithoutAChampion() {
        GateRequest request = new GateRequest(List.of("accuracy >= 0.85", "f1 >= champion.f1 - 0.01"), List.of(),
                null, "{\"accuracy\": 0.91, \"f1\": 0.8}", null, null, null, "warn");

        EngineResult result = EngineSeams.gate(workspace, request); // reads nothing from the workspace

        assertThat(result.tree().path("verdict").asText()).isEqualTo("WARNING");
        assertThat(result.summary()).contains("f1 >= champion.f1 - 0.01");
    }

    @Test
    public void shouldSayWhereACanaryStandsOnlyWithAResultWhenItIsFinished() {
        EngineResult rolledBack = new EngineResult("{\"status\": \"FAILED\"}", "canary ROLLED_BACK");
        CanaryProgress finished = new CanaryProgress("{}", true, 0, "ROLLED_BACK: the build was stopped", rolledBack);

        assertThat(CanaryProgress.decode(finished.encode())).isEqualTo(finished);
        assertThatThrownBy(() -> new CanaryProgress("{}", true, 0, "", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanaryProgress("{}", false, 1000, "", rolledBack))
                .as("a result means the rollout is finished, which is how the steps test it")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TrainRequest training(final Long timeoutMillis) {
        return new TrainRequest(TRAINING, "metrics.json", null, List.of(), "model/**", List.of(), Map.of(),
                timeoutMillis, ARTIFACTS, null);
    }

    /** Runs the command as the plugin's launcher does: {@code sh -c COMMAND} in the workspace. */
    private CommandOutcome launch(final Map<String, String> environment) throws IOException, InterruptedException {
        Instant started = Instant.now();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", TRAINING).directory(workspace.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return new CommandOutcome(process.waitFor(), false, output, started, Instant.now());
    }
}
