package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

public class TrainCommandTest {
    private static final String SCRIPT = """
            set -e
            depth=$(sed -n 's/^depth: *//p' params.yaml)
            echo "fitting depth $depth"
            if [ "${FAIL:-}" = 1 ]; then echo "ValueError: bad column" >&2; exit 2; fi
            mkdir -p model
            echo "weights $depth" > model/weights.bin
            echo "{\\"accuracy\\": 0.$depth}" > metrics.json
            """;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path project;
    private Path json;

    @Before
    public void createProject() throws Exception {
        assumeTrue("the toy trainer is a POSIX shell script", Files.isExecutable(Path.of("/bin/sh")));
        project = folder.newFolder("project").toPath();
        Files.writeString(project.resolve("train.sh"), SCRIPT);
        Files.writeString(project.resolve("params.yaml"), "depth: 3\n");
        Files.writeString(project.resolve("data.csv"), "x\n1\n");
        json = folder.getRoot().toPath().resolve("train.json");
    }

    private CommandLineTester.Run train(final String... extra) {
        String[] common = {"train", "--workdir", project.toString(), "--params", "params.yaml", "--metrics", "metrics.json",
                "--model", "model/**", "--data", "data.csv", "--json", json.toString()};
        String[] args = new String[common.length + extra.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(extra, 0, args, common.length, extra.length);
        return CommandLineTester.run(args);
    }

    @Test
    public void shouldPrintTheCommandsOutputAndASummaryAndWriteTheResult() throws Exception {
        Path artifacts = folder.getRoot().toPath().resolve("artifacts");

        CommandLineTester.Run run = train("--command", "sh train.sh", "--param", "depth=7", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fitting depth 7", "train PASSED", "accuracy 0.7000", "model: model/weights.bin");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("step").asText()).isEqualTo("train");
        assertThat(result.get("metrics").get("accuracy").asDouble()).isEqualTo(0.7);
        assertThat(result.get("params").get("depth").asInt()).isEqualTo(7);
        assertThat(result.get("lineage").get("paramOverrides").get(0).asText()).isEqualTo("depth=7");
        assertThat(artifacts.resolve("model/weights.bin")).hasContent("weights 7");
        assertThat(artifacts.resolve("profiles/data.csv.profile.json")).exists();
        assertThat(project.resolve("params.yaml")).hasContent("depth: 3");
    }

    @Test
    public void shouldLeaveTheProfileOutWhenAsked() {
        Path artifacts = folder.getRoot().toPath().resolve("artifacts");

        CommandLineTester.Run run = train("--command", "sh train.sh", "--artifacts", artifacts.toString(), "--no-profile");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(artifacts.resolve("model/weights.bin")).exists();
        assertThat(artifacts.resolve("profiles")).doesNotExist();
    }

    @Test
    public void shouldRunAnArgumentListGivenAfterTheOptions() {
        CommandLineTester.Run run = train("--", "/bin/sh", "train.sh");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("train PASSED in", "/bin/sh train.sh (command exit code 0)");
    }

    @Test
    public void shouldExitWith1AndQuoteTheLastLinesWhenTrainingFails() throws Exception {
        CommandLineTester.Run run = train("--command", "sh train.sh", "--env", "FAIL=1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("train FAILED", "reason: the command exited with code 2", "| ValueError: bad column");
        assertThat(ResultJson.mapper().readTree(json.toFile()).get("failure").asText()).isEqualTo("the command exited with code 2");
    }

    @Test
    public void shouldExitWith2WithOneLineAndNoResultForABrokenParamsFile() throws Exception {
        Files.writeString(project.resolve("params.yaml"), "depth: [3\n");

        CommandLineTester.Run run = train("--command", "sh train.sh");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("train: error: " + project.resolve("params.yaml") + ":2:").hasLineCount(1);
        assertThat(run.out()).doesNotContain("fitting");
        assertThat(json).doesNotExist();
    }

    @Test
    public void shouldExitWith2NamingAProgramThatIsNotInstalled() {
        CommandLineTester.Run run = train("--", "pythn-not-installed", "train.py");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("train: error: command not found: 'pythn-not-installed'").hasLineCount(1);
    }

    @Test
    public void shouldExitWith2ForAMissingWorkingDirectoryOrAnUnreadableTimeout() {
        Path missing = folder.getRoot().toPath().resolve("missing");

        CommandLineTester.Run noDir = CommandLineTester.run("train", "--workdir", missing.toString(), "--metrics", "m.json",
                "--command", "true");
        CommandLineTester.Run badTimeout = train("--command", "sh train.sh", "--timeout", "soon");

        assertThat(noDir.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noDir.err()).isEqualTo("train: error: working directory " + missing + " does not exist\n");
        assertThat(badTimeout.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badTimeout.err()).contains("--timeout 'soon': expected a positive duration such as 90s, 30m or 2h");
    }

    @Test
    public void shouldWriteTheResultAndExitWith3WhenTrainedButMlflowCannotBeReached() throws Exception {
        String unreachable = "http://127.0.0.1:" + ServerProcess.freePort();

        CommandLineTester.Run run = train("--command", "sh train.sh", "--mlflow-tracking", unreachable);

        assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        assertThat(run.out()).contains("train WARNING", "mlflow: NOT LOGGED to " + unreachable);
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("metrics").get("accuracy").asDouble()).isEqualTo(0.3);
        assertThat(result.get("mlflow").get("error").asText()).contains("127.0.0.1");
    }

    @Test
    public void shouldRefuseAnMlflowUrlThatIsNotHttpBeforeTraining() {
        CommandLineTester.Run run = train("--command", "sh train.sh", "--mlflow-tracking", "mlflow.example.com:5000");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("expected an http(s) URL");
        assertThat(run.out()).doesNotContain("fitting");
    }

    @Test
    public void shouldAskForTheCommand() {
        CommandLineTester.Run run = CommandLineTester.run("train", "--metrics", "metrics.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--command");
    }

    @Test
    public void shouldReadTimeoutsAsPeopleWriteThem() {
        assertThat(TrainCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TrainCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TrainCommand.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TrainCommand.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TrainCommand.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> TrainCommand.duration("0s")).hasMessageContaining("positive duration");
    }
}
