package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class RegistryCommandTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private String registry;

    @Before
    public void promoteThreeVersions() throws IOException {
        registry = "file:" + temp.getRoot().toPath().resolve("registry");
        for (int i = 1; i <= 3; i++) {
            Path train = PromoteCommandTest.trainResult(temp.getRoot().toPath(), "build-" + i, "weights " + i, 0.8 + i / 100.0);
            CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", registry, "--model", "credit-risk",
                    "--from", train.toString(), "--alias", "champion", "--who", "ci", "--build", "https://ci/job/credit/" + i + "/");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    public void shouldListModelsAndVersionsWithTheirAliases() {
        CommandLineTester.Run models = CommandLineTester.run("registry", "list", "--registry", registry);
        CommandLineTester.Run versions = CommandLineTester.run("registry", "list", "--registry", registry, "--model", "credit-risk");

        assertThat(models.out()).isEqualTo(registry + ": 1 model\n  credit-risk  latest v3  champion=v3\n");
        assertThat(versions.exitCode()).isZero();
        assertThat(versions.out()).startsWith("credit-risk in " + registry + ": 3 versions\n  v1  ")
                .contains("accuracy=0.8800 f1=0.8300 (+1 slice metric)  [champion]");
    }

    @Test
    public void shouldShowAVersionByAliasWithItsModelCard() {
        Path json = temp.getRoot().toPath().resolve("show.json");

        CommandLineTester.Run run = CommandLineTester.run("registry", "show", "--registry", registry, "--model", "credit-risk",
                "--alias", "champion", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("credit-risk v3 [champion] in " + registry).contains("commit: 0a1b2c3d");
        JsonNode report = ResultJson.read(json, JsonNode.class);
        assertThat(report.at("/version/version").asInt()).isEqualTo(3);
        assertThat(report.at("/card/lineage/gitCommit").asText()).isEqualTo("0a1b2c3d");
    }

    @Test
    public void shouldShowTheHistoryAndRollBackTheChampion() {
        Path json = temp.getRoot().toPath().resolve("rollback.json");

        CommandLineTester.Run rollback = CommandLineTester.run("registry", "rollback", "--registry", registry, "--model", "credit-risk",
                "--alias", "champion", "--who", "oncall", "--reason", "latency regression", "--json", json.toString());
        CommandLineTester.Run history = CommandLineTester.run("registry", "history", "--registry", registry, "--model", "credit-risk",
                "--alias", "champion");

        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("rollback: 'champion' of credit-risk moved back from v3 to v2 in " + registry);
        assertThat(ResultJson.read(json, JsonNode.class).at("/move/toVersion").asInt()).isEqualTo(2);
        assertThat(history.out()).startsWith("credit-risk in " + registry + ": 4 alias moves")
                .contains("champion  SET (none) -> v1  by ci from https://ci/job/credit/1/",
                        "champion  ROLLBACK v3 -> v2  by oncall: latency regression");
    }

    @Test
    public void shouldRefuseARollbackWithNothingToGoBackTo() {
        CommandLineTester.run("registry", "rollback", "--registry", registry, "--model", "credit-risk", "--alias", "champion");
        CommandLineTester.run("registry", "rollback", "--registry", registry, "--model", "credit-risk", "--alias", "champion");

        CommandLineTester.Run third = CommandLineTester.run("registry", "rollback", "--registry", registry, "--model", "credit-risk",
                "--alias", "champion");

        assertThat(third.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(third.err()).isEqualTo("rollback: error: registry " + registry
                + ": alias 'champion' of model 'credit-risk' has no earlier version to roll back to\n");
    }

    @Test
    public void shouldMoveAVersionBetweenTheDeprecatedStages() {
        CommandLineTester.run("registry", "stage", "--registry", registry, "--model", "credit-risk", "--version", "2", "--stage", "Production");

        CommandLineTester.Run run = CommandLineTester.run("registry", "stage", "--registry", registry, "--model", "credit-risk",
                "--version", "3", "--stage", "production", "--archive-existing");
        CommandLineTester.Run list = CommandLineTester.run("registry", "list", "--registry", registry, "--model", "credit-risk");

        assertThat(run.out()).startsWith("credit-risk v3 (Production) in " + registry);
        assertThat(list.out()).contains("(Archived)");
    }

    @Test
    public void shouldDocumentEveryActionWithAnExample() {
        for (String action : new String[] {"list", "show", "history", "rollback", "stage"}) {
            CommandLineTester.Run run = CommandLineTester.run("registry", action, "--help");

            assertThat(run.exitCode()).as(action).isZero();
            assertThat(run.out()).contains("--registry=URI", "Example:", "ml-delivery registry " + action);
        }
        assertThat(CommandLineTester.run("registry", "show", "--help").out()).contains("--version=N", "--alias=NAME");
    }

    @Test
    public void shouldRefuseToListARegistryThatDoesNotExistAndCreateNothing() {
        java.nio.file.Path typo = temp.getRoot().toPath().resolve("registy");

        CommandLineTester.Run list = CommandLineTester.run("registry", "list", "--registry", "file:" + typo);

        assertThat(list.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(list.err()).isEqualTo("list: error: registry file:" + typo + ": registry directory " + typo + " does not exist"
                + " (a promotion creates a registry; check the path, or create the directory for an empty registry)\n");
        assertThat(typo).doesNotExist();
    }

    @Test
    public void shouldAskForAnAction() {
        CommandLineTester.Run run = CommandLineTester.run("registry");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("Missing action: list, show, history, rollback or stage");
    }
}
