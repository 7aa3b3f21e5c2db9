package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.canary.source.ReplaySourceTest;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class CanaryCommandTest {
    private static final String SAME_ERRORS = "printf '{\"stable\": {\"error_rate\": {\"events\": 10, \"trials\": 1000}},"
            + " \"canary\": {\"error_rate\": {\"events\": 1, \"trials\": 100}}}'";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path replayPlan(final String canaryModel) throws IOException {
        Path dir = folder.getRoot().toPath();
        ReplaySourceTest.fixture(dir, 1500);
        Path plan = dir.resolve("canary.yaml");
        Files.writeString(plan, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3', model: champion.json}",
                "canary: {version: '4', model: " + canaryModel + "}",
                "steps: [10, 50, 100]",
                "metrics: [{name: misclassification_rate, critical: true}, {name: error_rate, critical: true}]",
                "source: {type: replay, requests: requests.csv, command: ['" + ExternalTools.python() + "', score.py, --model, '{model}',"
                        + " --data, '{input}', --out, '{output}']}",
                ""));
        return plan;
    }

    private Path commandPlan(final String setWeight, final String metrics, final String extra) throws IOException {
        Path plan = folder.getRoot().toPath().resolve("command.yaml");
        Files.writeString(plan, String.join("\n",
                "model: credit-risk",
                "stable: {version: '3'}",
                "canary: {version: '4'}",
                "steps: [5, 50]",
                "interval: 0s",
                "metrics: [{name: error_rate, kind: rate, critical: true, mustHaveData: true}]",
                "router: {type: command, setWeight: \"" + setWeight + "\", promote: 'true', rollback: 'true'}",
                "source: {type: command, command: ['sh', '-c', \"" + metrics.replace("\"", "\\\"") + "\"], retries: 0}",
                extra, ""));
        return plan;
    }

    @Test
    public void shouldPromoteAnEqualChallengerByReplayAndWriteTheContractsJson() throws IOException {
        Path json = folder.getRoot().toPath().resolve("out/canary.json");

        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", replayPlan("champion.json").toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("SHIFTING: rollout of credit-risk 4 started", "PROMOTED: promoted",
                "canary credit-risk 4 vs 3: PROMOTED (PASSED)");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("step").asText()).isEqualTo("canary");
        assertThat(result.get("status").asText()).isEqualTo("PASSED");
        assertThat(result.get("decision").asText()).isEqualTo("PROMOTED");
        JsonNode step = result.get("steps").get(0);
        assertThat(step.get("weight").asInt()).isEqualTo(10);
        assertThat(step.get("score").asDouble()).isEqualTo(100.0);
        assertThat(step.get("decision").asText()).isEqualTo("PASS");
        JsonNode metric = step.get("metrics").get(0);
        assertThat(metric.get("name").asText()).isEqualTo("misclassification_rate");
        assertThat(metric.get("classification").asText()).isEqualTo("PASS");
        assertThat(metric.get("pValue").isNumber()).isTrue();
        assertThat(result.get("inputs").get(0).get("sha256").asText()).hasSize(64);
    }

    @Test
    public void shouldExitOneWhenTheChallengerIsRolledBack() throws IOException {
        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", replayPlan("biased.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("ROLLED_BACK (FAILED)", "misclassification_rate HIGH");
    }

    @Test
    public void shouldExitThreeAndSayWhereTrafficIsWhenTheRouterFails() throws IOException {
        Path json = folder.getRoot().toPath().resolve("canary.json");

        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan",
                commandPlan("sh -c 'echo 503 from the load balancer >&2; exit 1'", SAME_ERRORS, "").toString(), "--json", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("decision").asText()).isEqualTo("ROLLED_BACK");
        assertThat(result.get("externalFailure").asBoolean()).isTrue();
        assertThat(result.get("reason").asText()).endsWith("exited with 1: 503 from the load balancer");
        assertThat(result.get("traffic").asText()).startsWith("all traffic on the stable version 3");
    }

    @Test
    public void shouldHoldAnInconclusiveRolloutAndContinueItWhenAsked() throws IOException {
        Path marker = folder.getRoot().toPath().resolve("metrics-ready");
        Path plan = commandPlan("true", "test -f " + marker + " || exit 3; " + SAME_ERRORS, "inconclusive: hold");

        CommandLineTester.Run held = CommandLineTester.run("canary", "--plan", plan.toString());
        Files.writeString(marker, "");
        CommandLineTester.Run continued = CommandLineTester.run("canary", "--plan", plan.toString(), "--continue");

        assertThat(held.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        assertThat(held.out()).contains("HELD: step 1 at 5% inconclusive; holding for a person", "HELD (WARNING)");
        assertThat(continued.exitCode()).as(continued.err()).isZero();
        assertThat(continued.out()).contains("continued the held rollout", "PROMOTED (PASSED)");
    }

    @Test
    public void shouldRollBackOnRequest() throws IOException {
        Path plan = commandPlan("true", "exit 3", "inconclusive: hold");
        CommandLineTester.run("canary", "--plan", plan.toString());

        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", plan.toString(), "--rollback", "--owner", "alice");

        assertThat(run.out()).contains("ROLLING_BACK: aborted: rolled back by alice", "ROLLED_BACK (FAILED)");
    }

    @Test
    public void shouldNameThePlanAndKeyOfABadPlanWithExitCode2() throws IOException {
        Path plan = commandPlan("true", SAME_ERRORS, "inconclusive: maybe");

        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("canary: error: " + plan + ": inconclusive: expected one of rollback, hold, found 'maybe'"
                + System.lineSeparator());
    }

    @Test
    public void shouldOverrideThePlansStepsFromTheCommandLine() throws IOException {
        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", commandPlan("true", SAME_ERRORS, "").toString(),
                "--steps", "20,40,100");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("canary at 20%", "canary at 40%").doesNotContain("canary at 5%");
    }

    @Test
    public void shouldRefuseAMissingRequestsFileWithExitTwoBeforeAnyTrafficMoves() throws IOException {
        Path plan = replayPlan("champion.json");
        Files.delete(folder.getRoot().toPath().resolve("requests.csv"));

        CommandLineTester.Run run = CommandLineTester.run("canary", "--plan", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("source.requests: " + folder.getRoot().toPath().resolve("requests.csv") + ": no such file;"
                + " nothing was started");
        assertThat(run.out()).doesNotContain("SHIFTING");
        assertThat(folder.getRoot().toPath().resolve("canary.state.json")).doesNotExist();
    }

    @Test
    public void shouldSayThatARerunOverAFinishedRolloutOnlyShowsItAndHowToStartAgain() throws IOException {
        Path plan = replayPlan("biased.json");
        CommandLineTester.run("canary", "--plan", plan.toString());
        Path state = folder.getRoot().toPath().resolve("canary.state.json");

        CommandLineTester.Run rerun = CommandLineTester.run("canary", "--plan", plan.toString());

        assertThat(rerun.exitCode()).as("the finished rollout's own outcome").isEqualTo(ExitCode.FAILED);
        assertThat(rerun.out()).contains("canary: " + state + " holds a rollout that already finished (ROLLED_BACK at ",
                "nothing was done now and its result is shown again. To start a new rollout, delete " + state);
    }
}
