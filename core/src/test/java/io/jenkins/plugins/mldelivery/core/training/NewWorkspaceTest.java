package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.validation.DataValidation;
import io.jenkins.plugins.mldelivery.core.validation.ValidationRequest;
import io.jenkins.plugins.mldelivery.core.validation.ValidationResult;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

/**
 * Specifies what the engine needs of a Jenkins workspace, as the plugin's steps call it on the agent
 * (the plugin's {@code EngineSeams}: {@code Trainer.prepare}, the command run by the build's launcher,
 * {@code Trainer.record}, {@code DataValidation.run}) in the situation a real Jenkins creates:
 * {@code node {}} allocates {@code …/j h…/workspace/test0} without creating it, and the path has a
 * space (JenkinsRule puts one in on purpose). The engine refuses a working directory that does not
 * exist, naming it; once the workspace directory alone exists (what the plugin's
 * {@code FilePath.mkdirs()} makes), every directory the steps write to below it
 * ({@code .ml-delivery/train}, the batch profile's folder) is created by the engine itself.
 */
public class NewWorkspaceTest {
    private static final String TRAINING = "mkdir -p model && printf '{\"accuracy\": 0.8}' > metrics.json"
            + " && printf 'weights' > model/model.bin && echo trained";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Trainer trainer = new Trainer(line -> { }, Clock.systemUTC()).profilingDataWith(new CsvDataProfiler());
    private Path workspace;

    @Before
    public void allocateWorkspaceWithoutCreatingIt() {
        assumeTrue("the training command is a POSIX shell line", Files.isExecutable(Path.of("/bin/sh")));
        workspace = folder.getRoot().toPath().resolve("j h4288470589070422341").resolve("workspace").resolve("test0");
    }

    @Test
    public void shouldRefuseToTrainInAWorkspaceThatDoesNotExistNamingIt() {
        assertThat(workspace).doesNotExist();

        assertThatThrownBy(() -> trainer.prepare(request()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("working directory " + workspace + " does not exist");
        assertThat(workspace).doesNotExist();
    }

    @Test
    public void shouldTrainAndPublishWhenOnlyTheWorkspaceDirectoryWasCreated() throws Exception {
        Files.createDirectories(workspace); // FilePath.mkdirs() on the agent: nothing else

        TrainingRequest request = request();
        PreparedTraining prepared = PreparedTraining.fromJson(trainer.prepare(request).toJson());
        TrainResult result = trainer.record(request, PreparedTraining.fromJson(prepared.toJson()), launch(prepared));

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.metrics()).containsEntry("accuracy", 0.8);
        assertThat(result.artifacts()).extracting(Artifact::path).containsExactly("model/model.bin");
        assertThat(workspace.resolve(".ml-delivery/train/model/model.bin")).hasContent("weights");
    }

    @Test
    public void shouldValidateAndWriteTheBatchProfileWhenOnlyTheWorkspaceDirectoryWasCreated() throws IOException {
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("batch.csv"), "age,income\n31,1200\n45,2300\n52,3100\n",
                StandardCharsets.UTF_8); // what checkout or writeFile puts there
        Path profile = workspace.resolve(".ml-delivery/validate.batch-profile.json");

        ValidationResult result = DataValidation.run(ValidationRequest.of(workspace.resolve("batch.csv"))
                .withProfileOut(profile), Clock.systemUTC());

        assertThat(result.rows()).isEqualTo(3);
        assertThat(profile).isRegularFile();
        assertThat(Files.readString(profile, StandardCharsets.UTF_8)).contains("\"income\"");
    }

    /** The request as the plugin's {@code EngineSeams.trainingRequest} builds it for {@code mlTrain}. */
    private TrainingRequest request() {
        return TrainingRequest.command(TrainingCommand.ofShellLine(TRAINING))
                .inDirectory(workspace)
                .readingMetrics(Path.of("metrics.json"))
                .publishingTo(workspace.resolve(".ml-delivery/train"))
                .keepingLastLines(20)
                .collectingModel("model/**")
                .build();
    }

    /** Runs the command as the build's launcher does: {@code sh -c LINE} in the workspace. */
    private ProcessOutcome launch(final PreparedTraining prepared) throws IOException, InterruptedException {
        Instant started = Instant.now();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", TRAINING).directory(workspace.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(prepared.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        return new ProcessOutcome(exitCode, false, output.lines().toList(), started, Instant.now());
    }
}
