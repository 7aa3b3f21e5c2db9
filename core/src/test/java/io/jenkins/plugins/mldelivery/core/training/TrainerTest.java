package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.Status;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.Assume.assumeTrue;

public class TrainerTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Trainer trainer = new Trainer(output::add, Clock.systemUTC());
    private ToyProject project;
    private Path artifacts;

    @Before
    public void createProject() throws Exception {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        project = ToyProject.in(folder.newFolder("project").toPath());
        artifacts = folder.getRoot().toPath().resolve("artifacts");
    }

    @Test
    public void shouldRecordMetricsParamsLineageAndTheModelOfASuccessfulRun() throws Exception {
        TrainResult result = trainer.train(project.request().publishingTo(artifacts)
                .recordingToolVersion("echo toolkit 1.2.3").build());

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.failure()).isNull();
        assertThat(result.exitCode()).isZero();
        assertThat(result.metrics()).containsExactly(entry("accuracy", 0.7), entry("loss", 0.25));
        assertThat(result.params()).containsExactly(entry("model.depth", 2), entry("model.lr", 0.1), entry("seed", 1));
        assertThat(output).containsExactly("training with depth 2 lr 0.1", "done");

        Lineage lineage = result.lineage();
        assertThat(lineage.data()).containsExactly(new InputIdentity("data/train.csv", 12, sha256(ToyProject.DATA)));
        assertThat(lineage.paramsSha256()).isEqualTo(sha256("{\"model.depth\":2,\"model.lr\":0.1,\"seed\":1}"));
        assertThat(lineage.command()).isEqualTo("./train.sh");
        assertThat(lineage.workDir()).isEqualTo(project.dir().toAbsolutePath().toString());
        assertThat(lineage.tools()).containsExactly(new ToolVersion("echo toolkit 1.2.3", 0, "toolkit 1.2.3", 1,
                sha256("toolkit 1.2.3\n")));
        assertThat(lineage.host()).isNotBlank();
        assertThat(lineage.durationMillis()).isNotNegative();

        String model = "model depth=2 lr=0.1\n";
        assertThat(result.artifacts()).containsExactly(new Artifact("model/model.bin", model.length(), sha256(model)));
        assertThat(result.artifactsDirectory()).isEqualTo(artifacts.toString());
        assertThat(artifacts.resolve("model/model.bin")).hasContent(model.strip());
        assertThat(result.inputs()).extracting(InputIdentity::path).containsExactly("data/train.csv", "params.yaml");
    }

    @Test
    public void shouldRecordTheGitCommitAndWhetherTrackedFilesWereModified() throws Exception {
        assumeTrue("git is installed", git("--version") == 0);
        git("init", "-q");
        git("add", "train.sh", "params.yaml");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "toy");
        String head = new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(project.dir().toFile())
                .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        TrainResult clean = trainer.train(project.request().build());
        Files.writeString(project.dir().resolve("params.yaml"), ToyProject.PARAMS.replace("depth: 2", "depth: 3"));
        TrainResult dirty = trainer.train(project.request().build());

        assertThat(clean.lineage().gitCommit()).isEqualTo(head).hasSize(40);
        assertThat(clean.lineage().gitDirty()).as("untracked outputs such as metrics.json do not count").isFalse();
        assertThat(dirty.lineage().gitDirty()).isTrue();
        assertThat(dirty.metrics()).containsEntry("accuracy", 0.8);
    }

    @Test
    public void shouldLeaveGitFieldsEmptyOutsideARepository() {
        assumeTrue("the temporary folder is not inside a git work tree",
                GitState.of(folder.getRoot().toPath()).commit() == null);

        TrainResult result = trainer.train(project.request().build());

        assertThat(result.lineage().gitCommit()).isNull();
        assertThat(result.lineage().gitDirty()).isNull();
    }

    @Test
    public void shouldPassOverridesToTheCommandThroughItsParamsFileAndPutTheFileBackAfterwards() throws Exception {
        TrainResult result = trainer.train(project.request().overriding(ParamOverride.parse("model.depth=4"))
                .overriding(ParamOverride.parse("model.lr=0.3")).build());

        assertThat(output).first().isEqualTo("training with depth 4 lr 0.3");
        assertThat(result.metrics()).containsEntry("accuracy", 0.86);
        assertThat(result.params()).contains(entry("model.depth", 4), entry("model.lr", 0.3));
        assertThat(result.lineage().paramOverrides()).containsExactly("model.depth=4", "model.lr=0.3");
        assertThat(result.lineage().paramsSha256()).isEqualTo(ParamsFile.sha256(result.params()));
        assertThat(project.dir().resolve("params.yaml")).hasContent(ToyProject.PARAMS.stripTrailing());
    }

    @Test
    public void shouldFailQuotingTheLastLinesWhenTheCommandExitsNonZeroAndKeepThePreviousArtifacts() throws Exception {
        Files.createDirectories(artifacts);
        Files.writeString(artifacts.resolve("champion.bin"), "previous model");

        TrainResult result = trainer.train(project.request().withEnvironment("MODE", "fail").publishingTo(artifacts).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("the command exited with code 3");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.outputTail()).endsWith("loading data", "Traceback: boom");
        assertThat(result.summary()).contains("reason: the command exited with code 3", "| Traceback: boom");
        assertThat(result.artifactsDirectory()).isNull();
        assertThat(listing(artifacts)).containsExactly("champion.bin");
        assertThat(listing(folder.getRoot().toPath())).containsExactlyInAnyOrder("project", "artifacts");
    }

    @Test
    public void shouldFailNamingTheFileAndPlaceWhenAMetricIsNaN() {
        TrainResult result = trainer.train(project.request().withEnvironment("MODE", "nan").publishingTo(artifacts).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo(project.dir().resolve("metrics.json") + ":2:15: 'accuracy' is NaN where a number belongs");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    public void shouldFailWhenTheMetricsFileWasNotWritten() {
        TrainResult result = trainer.train(project.request().readingMetrics(Path.of("eval/metrics.yaml")).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo(project.dir().resolve("eval/metrics.yaml") + ": no such metrics file");
    }

    @Test
    public void shouldFailWhenTheModelPatternMatchesNoFile() {
        TrainResult result = trainer.train(project.request().withEnvironment("MODE", "nomodel").publishingTo(artifacts).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("--model 'model/**' matched no file in " + project.dir().toAbsolutePath());
        assertThat(result.metrics()).containsEntry("accuracy", 0.7);
        assertThat(artifacts).doesNotExist();
    }

    @Test
    public void shouldFailAndKillTheCommandWhenItRunsOutOfTime() {
        TrainResult result = trainer.train(project.request().withEnvironment("MODE", "sleep")
                .timingOutAfter(Duration.ofMillis(1500)).publishingTo(artifacts).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).isEqualTo("timed out after 1500ms; killed the command and every process it started");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.summary()).contains("(killed at the timeout)");
        assertThat(artifacts).doesNotExist();
    }

    @Test
    public void shouldRejectABrokenParamsFileBeforeRunningAnything() throws Exception {
        Files.writeString(project.dir().resolve("params.yaml"), "model:\n  depth: [2\n");

        assertThatThrownBy(() -> trainer.train(project.request().build()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(project.dir().resolve("params.yaml") + ":3:");
        assertThat(output).isEmpty();
    }

    @Test
    public void shouldRejectAMissingDataFileWorkingDirectoryOrParamsFileBeforeRunningAnything() {
        Path missing = folder.getRoot().toPath().resolve("nowhere");

        assertThatThrownBy(() -> trainer.train(project.request().trainingOn(Path.of("data/test.csv")).build()))
                .isInstanceOf(BadInputException.class).hasMessage(project.dir().resolve("data/test.csv") + ": no such file");
        assertThatThrownBy(() -> trainer.train(project.request().inDirectory(missing).build()))
                .isInstanceOf(BadInputException.class).hasMessage("working directory " + missing + " does not exist");
        assertThatThrownBy(() -> trainer.train(project.request().readingParams(Path.of("conf.yaml")).build()))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("conf.yaml: no such file");
        assertThat(output).isEmpty();
    }

    @Test
    public void shouldWriteAProfileOfEachDataFileBesideTheModel() {
        TrainResult result = trainer.profilingDataWith((file, out) -> out.write(
                        ("{\"rows\":" + (Files.readAllLines(file).size() - 1) + "}").getBytes(StandardCharsets.UTF_8)))
                .train(project.request().publishingTo(artifacts).build());

        assertThat(result.artifacts()).extracting(Artifact::path).containsExactly("model/model.bin", "profiles/train.csv.profile.json");
        assertThat(artifacts.resolve("profiles/train.csv.profile.json")).hasContent("{\"rows\":2}");
    }

    @Test
    public void shouldWriteTheDataStepsProfileOfCsvDataAndOnlyHashOtherFiles() throws Exception {
        Files.write(project.dir().resolve("data/images.bin"), new byte[] {1, 2, 3});

        TrainResult result = trainer.profilingDataWith(new CsvDataProfiler())
                .train(project.request().trainingOn(Path.of("data/images.bin")).publishingTo(artifacts).build());

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.lineage().data()).extracting(InputIdentity::path).containsExactly("data/train.csv", "data/images.bin");
        assertThat(result.artifacts()).extracting(Artifact::path).containsExactly("model/model.bin", "profiles/train.csv.profile.json");
        DatasetProfile profile = DatasetProfile.read(artifacts.resolve("profiles/train.csv.profile.json"));
        assertThat(profile.rows()).isEqualTo(2);
        assertThat(profile.columns()).extracting(ColumnProfile::name).containsExactly("x", "y");
        assertThat(profile.source().sha256()).isEqualTo(sha256(ToyProject.DATA));
    }

    @Test
    public void shouldFailWithoutPublishingWhenTheDataCannotBeProfiled() {
        TrainResult result = trainer.profilingDataWith((file, out) -> {
            throw new BadInputException(file + ", row 3: 'abc' is not a number");
        }).train(project.request().publishingTo(artifacts).build());

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failure()).startsWith("cannot copy the model into " + artifacts + ": cannot profile data/train.csv");
        assertThat(artifacts).doesNotExist();
    }

    static String sha256(final String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> listing(final Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private int git(final String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.dir().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("GIT_CONFIG_NOSYSTEM", "1", "HOME", folder.getRoot().getPath()));
        return builder.start().waitFor();
    }

    @Test
    public void shouldNeverPublishAFileFromTheStagingThatAKilledRunLeftBehind() throws Exception {
        Path leftover = project.dir().resolve(".artifacts.staging-" + java.util.UUID.randomUUID()); // a SIGKILL during the copy
        Files.createDirectories(leftover.resolve("model"));
        Files.writeString(leftover.resolve("model/stale.bin"), "the model of an earlier run, half copied");
        List<String> lines = new CopyOnWriteArrayList<>();

        TrainResult result = new Trainer(lines::add, Clock.systemUTC()).train(TrainingRequest
                .command(TrainingCommand.ofArguments(List.of("./train.sh"))).inDirectory(project.dir())
                .readingParams(Path.of("params.yaml")).readingMetrics(Path.of("metrics.json"))
                .collectingModel("**/*.bin").publishingTo(project.dir().resolve("artifacts")).build());

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.artifacts()).extracting(Artifact::path).containsExactly("model/model.bin");
        assertThat(leftover).doesNotExist();
        assertThat(lines).anyMatch(line -> line.startsWith("removed " + leftover.getFileName() + ", left by an interrupted run"));
    }
}
