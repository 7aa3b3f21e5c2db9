package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.io.FileDigest;
import io.jenkins.plugins.mldelivery.core.mlflow.FaultyHttpServer;
import io.jenkins.plugins.mldelivery.core.registry.AliasMove;
import io.jenkins.plugins.mldelivery.core.registry.file.FileModelRegistry;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ServerProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class PromoteCommandTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path dir() {
        return temp.getRoot().toPath();
    }

    private String registry() {
        return "file:" + dir().resolve("registry");
    }

    /** Writes a train result as {@code ml-delivery train --json} does, with a real model file beside it. */
    static Path trainResult(final Path dir, final String name, final String weights, final double f1) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name));
        Path model = Files.createDirectories(work.resolve("model")).resolve("model.joblib");
        Files.writeString(model, weights);
        Path profile = Files.createDirectories(work.resolve("profiles")).resolve("train.profile.json");
        Files.writeString(profile, "{\"rows\": 1000, \"columns\": [{\"name\": \"income\", \"type\": \"NUMERIC\", \"count\": 990, "
                + "\"missing\": 10, \"numeric\": {\"moments\": {\"count\": 990, \"mean\": 52000.5, \"min\": 1200, \"max\": 250000}}}]}");
        String json = """
                {"step": "train", "status": "PASSED",
                 "metrics": {"f1": %s, "accuracy": 0.88, "accuracy[gender=F]": 0.86},
                 "params": {"model.max_depth": 6, "model.kind": "gbm", "features": ["income", "age"]},
                 "lineage": {"data": [{"path": "data/train.csv", "bytes": 1200, "sha256": "%s"}], "paramsSha256": "%s",
                             "gitCommit": "0a1b2c3d", "gitDirty": false, "command": "python train.py", "workDir": "%s"},
                 "artifacts": [{"path": "model/model.joblib", "bytes": %d, "sha256": "%s"},
                               {"path": "profiles/train.profile.json", "bytes": %d, "sha256": "%s"}]}
                """.formatted(f1, "d".repeat(64), "e".repeat(64), work, Files.size(model), FileDigest.of(model).sha256(),
                Files.size(profile), FileDigest.of(profile).sha256());
        return Files.writeString(work.resolve("train.json"), json);
    }

    private Path gateResult(final String verdict) throws IOException {
        return Files.writeString(dir().resolve("gate-" + verdict + ".json"), """
                {"step": "gate", "status": "%s", "verdict": "%s",
                 "rules": [{"rule": "f1 >= champion.f1 - 0.01", "left": 0.79, "right": 0.80, "passed": false, "skipped": false}]}
                """.formatted(verdict, verdict));
    }

    @Test
    public void shouldDocumentEveryOptionWithAnExample() {
        CommandLineTester.Run run = CommandLineTester.run("promote", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--registry=URI", "--model=NAME", "--version=N", "--from=TRAIN_RESULT.json", "--alias=NAME",
                "--reason=TEXT", "--gate=GATE_RESULT.json", "--force", "--who=NAME", "--build=URL", "--idempotency-key=KEY",
                "--card-template=FILE.md", "--profile=PROFILE.json", "--source-prefix=PREFIX", "--card=FILE.md", "--tag=KEY=VALUE", "--json=FILE",
                "Examples:");
    }

    @Test
    public void shouldRegisterATrainResultAndPointTheAliasAtIt() throws IOException {
        Path first = trainResult(dir(), "build-1", "weights one", 0.81);
        Path second = trainResult(dir(), "build-2", "weights two", 0.84);
        Path json = dir().resolve("promote.json");

        CommandLineTester.Run one = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", first.toString(), "--alias", "champion", "--who", "alice", "--build", "https://ci/job/credit/1/");
        CommandLineTester.Run two = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", second.toString(), "--alias", "champion", "--who", "alice", "--build", "https://ci/job/credit/2/",
                "--reason", "f1 +0.03", "--json", json.toString(), "--card", dir().resolve("run/model-card.md").toString());

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).startsWith("promote PASSED: credit-risk v1 is now 'champion' (was unset) in " + registry());
        assertThat(two.exitCode()).as(two.err()).isZero();
        JsonNode result = ResultJson.read(json, JsonNode.class);
        assertThat(result.path("step").asText()).isEqualTo("promote");
        assertThat(result.path("status").asText()).isEqualTo("PASSED");
        assertThat(result.path("model").asText()).isEqualTo("credit-risk");
        assertThat(result.path("version").asInt()).isEqualTo(2);
        assertThat(result.path("alias").asText()).isEqualTo("champion");
        assertThat(result.path("previousVersion").asInt()).isEqualTo(1);
        assertThat(result.path("inputs").get(0).path("path").asText()).isEqualTo(second.toString());
        FileModelRegistry registry = new FileModelRegistry(dir().resolve("registry"));
        assertThat(Path.of(registry.resolveAlias("credit-risk", "champion").orElseThrow().source())).hasContent("weights two");
        assertThat(registry.version("credit-risk", 2).metric("accuracy[gender=F]")).hasValue(0.86);
        assertThat(registry.version("credit-risk", 2).params()).containsEntry("model.max_depth", "6")
                .containsEntry("features", "[\"income\",\"age\"]");
        assertThat(registry.card("credit-risk", 2).orElseThrow().dataProfile().rows()).isEqualTo(1000);
        assertThat(dir().resolve("run/model-card.md")).content().startsWith("# Model card: credit-risk v2")
                .contains("| income | NUMERIC | 990 | 10 | 1200 | 250000 | 52001 |");
        assertThat(ResultJson.read(dir().resolve("run/model-card.json"), JsonNode.class).path("version").asInt()).isEqualTo(2);
    }

    @Test
    public void shouldRegisterByLocationUnderASourcePrefixWithoutCopyingTheFiles() throws IOException {
        Path train = trainResult(dir(), "build-1", "weights", 0.81);

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", train.toString(), "--alias", "champion", "--source-prefix", "s3://models/credit-risk/build-1/",
                "--tag", "team=risk", "--tag", "ticket=ML-7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("source: s3://models/credit-risk/build-1/model/model.joblib");
        assertThat(new FileModelRegistry(dir().resolve("registry")).version("credit-risk", 1).tags())
                .containsExactly(Map.entry("team", "risk"), Map.entry("ticket", "ML-7"));
        assertThat(dir().resolve("registry/models/credit-risk/versions/1/artifacts")).doesNotExist();
    }

    @Test
    public void shouldReturnTheSameVersionWhenTheSameBuildRetriesItsPromotion() throws IOException {
        Path train = trainResult(dir(), "build-1", "weights", 0.81);
        String[] args = {"promote", "--registry", registry(), "--model", "credit-risk", "--from", train.toString(),
                "--alias", "champion", "--build", "https://ci/job/credit/7/"};

        CommandLineTester.run(args);
        CommandLineTester.Run retried = CommandLineTester.run(args);

        assertThat(retried.exitCode()).isZero();
        assertThat(retried.out()).startsWith("promote PASSED: credit-risk v1 is now 'champion' (was unset)");
        assertThat(new FileModelRegistry(dir().resolve("registry")).versions("credit-risk")).hasSize(1);
    }

    @Test
    public void shouldRefuseToPromoteWhenTheGateFailedAndSaySo() throws IOException {
        Path train = trainResult(dir(), "build-1", "weights", 0.79);
        Path gate = gateResult("FAILED");
        Path json = dir().resolve("refused.json");

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", train.toString(), "--alias", "champion", "--gate", gate.toString(), "--json", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).isEqualTo("promote FAILED: the gate result " + gate + " is FAILED; credit-risk was not promoted to "
                + "'champion' (use --force to promote anyway)\n");
        assertThat(ResultJson.read(json, JsonNode.class).path("promoted").asBoolean()).isFalse();
        assertThat(dir().resolve("registry")).as("no registry is created by a refused promotion").doesNotExist();
    }

    @Test
    public void shouldPromotePastAFailedGateWhenForcedAndRecordIt() throws IOException {
        Path train = trainResult(dir(), "build-1", "weights", 0.79);

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", train.toString(), "--alias", "champion", "--gate", gateResult("FAILED").toString(), "--force",
                "--reason", "hotfix");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("promote WARNING: credit-risk v1 is now 'champion'").contains("forced past a FAILED gate");
        AliasMove move = new FileModelRegistry(dir().resolve("registry")).aliasHistory("credit-risk", "champion").get(0);
        assertThat(move.reason()).isEqualTo("hotfix (forced past a FAILED gate)");
    }

    @Test
    public void shouldPromoteARegisteredVersionByNumber() throws IOException {
        CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", trainResult(dir(), "b1", "w1", 0.8).toString(), "--alias", "champion");
        CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", trainResult(dir(), "b2", "w2", 0.8).toString(), "--alias", "challenger");

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--version", "2", "--alias", "champion", "--gate", gateResult("PASSED").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("promote PASSED: credit-risk v2 is now 'champion' (was v1)").contains("gate: PASSED");
    }

    @Test
    public void shouldGiveOneLineAndExitCode2ForUnknownModelsVersionsAndFiles() throws IOException {
        CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", trainResult(dir(), "b1", "w1", 0.8).toString(), "--alias", "champion");

        CommandLineTester.Run version = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--version", "9", "--alias", "champion");
        CommandLineTester.Run model = CommandLineTester.run("promote", "--registry", registry(), "--model", "fraud",
                "--version", "1", "--alias", "champion");
        CommandLineTester.Run missing = CommandLineTester.run("promote", "--registry", registry(), "--model", "credit-risk",
                "--from", dir().resolve("nope.json").toString(), "--alias", "champion");
        CommandLineTester.Run uri = CommandLineTester.run("promote", "--registry", "s3://bucket", "--model", "m",
                "--version", "1", "--alias", "champion");

        assertThat(version.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(version.err()).isEqualTo("promote: error: registry " + registry() + ": model 'credit-risk' has no version 9 (versions 1 to 1)\n");
        assertThat(model.err()).isEqualTo("promote: error: registry " + registry() + ": no model 'fraud' (models: credit-risk)\n");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("promote: error: " + dir().resolve("nope.json") + ": no such file\n");
        assertThat(uri.err()).isEqualTo("promote: error: registry URI 's3://bucket': expected file:DIR or mlflow:http://HOST:PORT\n");
    }

    @Test
    public void shouldSayWhenTheRegistryDirectoryCannotBeWritten() throws IOException {
        Path file = Files.writeString(dir().resolve("plain-file"), "x");

        CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", "file:" + file.resolve("registry"),
                "--model", "credit-risk", "--from", trainResult(dir(), "b1", "w1", 0.8).toString(), "--alias", "champion");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("promote: error: ").contains(file.toString()).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    public void shouldExitWith3WhenMlflowIsDownFailingOrForbidding() {
        String down = "mlflow:http://127.0.0.1:" + ServerProcess.freePort();
        try (FaultyHttpServer failing = FaultyHttpServer.alwaysAnswering(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"database is locked\"}");
                FaultyHttpServer forbidden = FaultyHttpServer.alwaysAnswering(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"Permission denied\"}")) {
            for (String uri : new String[] {down, "mlflow:" + failing.uri(), "mlflow:" + forbidden.uri()}) {
                CommandLineTester.Run run = CommandLineTester.run("promote", "--registry", uri, "--model", "credit-risk",
                        "--version", "1", "--alias", "champion");

                assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
                assertThat(run.err()).hasLineCount(1).startsWith("promote: error: MLflow http://127.0.0.1:");
            }
            assertThat(failing.requests()).isEqualTo(4);
            assertThat(forbidden.requests()).isEqualTo(1);
        }
    }
}
