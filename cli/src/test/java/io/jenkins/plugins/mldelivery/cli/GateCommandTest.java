package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.registry.ChangeNote;
import io.jenkins.plugins.mldelivery.core.registry.ModelRegistry;
import io.jenkins.plugins.mldelivery.core.registry.ModelVersion;
import io.jenkins.plugins.mldelivery.core.registry.RegistryUri;
import io.jenkins.plugins.mldelivery.core.registry.VersionRequest;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class GateCommandTest {
    private static final String REFERENCE = "/io/jenkins/plugins/mldelivery/core/gate/significance/";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path dir;
    private Path metrics;
    private String registry;

    @Before
    public void writeMetricsAndRegistry() throws IOException {
        dir = folder.getRoot().toPath();
        metrics = Files.writeString(dir.resolve("metrics.json"), "{\"accuracy\": 0.87, \"f1\": 0.80, \"logloss\": [0.9, 0.5, 0.41],"
                + " \"latency_p95_ms\": 38, \"accuracy[gender=F]\": 0.85, \"accuracy[gender=M]\": 0.88}");
        registry = "file:" + dir.resolve("registry");
    }

    private ModelVersion registerChampion(final Map<String, Double> values, final String source) {
        ModelRegistry models = RegistryUri.open(registry);
        ModelVersion version = models.register(VersionRequest.forModel("credit-risk").withSource(source)
                .withMetrics(values).registeredBy(ChangeNote.by("test")).build());
        models.setAlias("credit-risk", "champion", version.version(), ChangeNote.by("test"));
        return version;
    }

    private Path reference(final String name) throws IOException {
        try (InputStream in = GateCommandTest.class.getResourceAsStream(REFERENCE + name)) {
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }

    private static JsonNode json(final Path file) throws IOException {
        return ResultJson.mapper().readTree(file.toFile());
    }

    @Test
    public void shouldPassAModelThatBeatsTheRegisteredChampion() throws IOException {
        registerChampion(Map.of("accuracy", 0.86, "f1", 0.805, "logloss", 0.42), dir.resolve("old-model").toString());
        Path out = dir.resolve("gate.json");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "accuracy >= 0.85", "--rule", "f1 >= champion.f1 - 0.01", "--rule", "logloss <= champion.logloss * 1.02",
                "--rule", "max_gap(accuracy, by=gender) <= 0.05", "--warn-rule", "latency_p95_ms <= 40",
                "--registry", registry, "--model", "credit-risk", "--json", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Gate PASSED (against credit-risk version 1 (alias champion)): 5 of 5 rules passed\n")
                .contains("  PASS  logloss <= champion.logloss * 1.02: 0.41 <= 0.4284 (logloss = 0.41, champion.logloss = 0.42)");
        JsonNode result = json(out);
        assertThat(result.path("step").asText()).isEqualTo("gate");
        assertThat(result.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(result.path("status").asText()).isEqualTo("PASSED");
        assertThat(result.path("champion").path("version").asText()).isEqualTo("1");
        JsonNode rule = result.path("rules").get(1);
        assertThat(rule.path("rule").asText()).isEqualTo("f1 >= champion.f1 - 0.01");
        assertThat(rule.path("left").asDouble()).isEqualTo(0.80);
        assertThat(rule.path("right").asDouble()).isCloseTo(0.795, within(1e-12));
        assertThat(rule.path("passed").asBoolean()).isTrue();
        assertThat(rule.path("skipped").asBoolean()).isFalse();
        assertThat(rule.has("pValue")).isTrue();
        assertThat(result.path("inputs").get(0).path("path").asText()).isEqualTo(metrics.toString());
        assertThat(result.path("summary").asText()).isEqualTo(run.out().strip());
    }

    @Test
    public void shouldFailAModelThatFallsBehindTheChampionAndSayWhy() throws IOException {
        registerChampion(Map.of("accuracy", 0.86, "f1", 0.83), dir.resolve("old-model").toString());
        Path out = dir.resolve("gate.json");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "accuracy >= 0.85", "--rule", "f1 >= champion.f1 - 0.01",
                "--registry", registry, "--model", "credit-risk", "--json", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).isEqualTo("Gate FAILED (against credit-risk version 1 (alias champion)): 1 of 2 rules passed, 1 broken\n"
                + "  PASS  accuracy >= 0.85: 0.87 >= 0.85\n"
                + "  FAIL  f1 >= champion.f1 - 0.01: 0.8 is not >= 0.82 (f1 = 0.8, champion.f1 = 0.83)\n");
        assertThat(json(out).path("verdict").asText()).isEqualTo("FAILED");
        assertThat(json(out).path("rules").get(1).path("passed").asBoolean()).isFalse();
    }

    @Test
    public void shouldWarnButPassTheFirstModelOfAName() throws IOException {
        Files.createDirectories(dir.resolve("registry")); // an empty registry, created before the first build
        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "accuracy >= 0.85", "--rule", "f1 >= champion.f1 - 0.01", "--registry", registry, "--model", "credit-risk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).startsWith("Gate WARNING (no champion): 1 of 2 rules passed, 1 skipped\n")
                .contains("  SKIP  f1 >= champion.f1 - 0.01: skipped: no champion yet: model 'credit-risk' is not registered in file:");
    }

    @Test
    public void shouldRefuseARegistryPathThatDoesNotExistRatherThanSayNoChampionYet() {
        Path typo = dir.resolve("registy");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "f1 >= champion.f1 - 0.01", "--registry", "file:" + typo, "--model", "credit-risk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("registry directory " + typo + " does not exist");
        assertThat(typo).doesNotExist();
    }

    @Test
    public void shouldFailTheFirstModelWhenTheTeamSaysSo() {
        registerChampion(Map.of("f1", 0.7), "elsewhere");
        RegistryUri.open(registry).removeAlias("credit-risk", "champion", ChangeNote.by("test"));

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "f1 >= champion.f1", "--registry", registry, "--model", "credit-risk", "--without-champion", "fail");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("no champion yet: model 'credit-risk' has no version with alias 'champion' in file:")
                .contains("(the gate fails)");
    }

    @Test
    public void shouldCompareWithTheVersionAnotherAliasNames() {
        ModelVersion production = registerChampion(Map.of("f1", 0.9), "v1");
        ModelRegistry models = RegistryUri.open(registry);
        models.setAlias("credit-risk", "production", production.version(), ChangeNote.by("test"));
        ModelVersion newer = models.register(VersionRequest.forModel("credit-risk").withSource("v2")
                .withMetrics(Map.of("f1", 0.7)).registeredBy(ChangeNote.by("test")).build());
        models.setAlias("credit-risk", "champion", newer.version(), ChangeNote.by("test"));

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(), "--rule", "f1 >= champion.f1",
                "--registry", registry, "--model", "credit-risk", "--champion-alias", "production");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).startsWith("Gate FAILED (against credit-risk version 1 (alias production))")
                .contains("0.8 is not >= 0.9");
    }

    @Test
    public void shouldRejectABadRuleWithItsPositionAndWriteNoResult() {
        Path out = dir.resolve("gate.json");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "accuracy >= 0.85", "--rule", "f1 >= champion.f1 -", "--json", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("gate: error: rule 2 'f1 >= champion.f1 -': expected a number, a metric or '('"
                + " but found the end of the rule at position 20\n");
        assertThat(out).doesNotExist();
    }

    @Test
    public void shouldReportABadRuleBeforeAskingTheRegistry() {
        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(), "--rule", "f1 = champion.f1",
                "--registry", "mlflow:http://127.0.0.1:9", "--model", "credit-risk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("gate: error: rule 1 'f1 = champion.f1': expected a comparison (>=, <=, > or <)"
                + " but found '=' at position 4\n");
    }

    @Test
    public void shouldListTheMetricsThatExistForAnUnknownOne() {
        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(), "--rule", "auc >= 0.8");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("gate: error: rule 1 'auc >= 0.8': unknown metric 'auc'; the metrics are accuracy,"
                + " accuracy[gender=F], accuracy[gender=M], f1, latency_p95_ms, logloss\n");
    }

    @Test
    public void shouldNameAMetricThatIsNotANumber() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"accuracy\": \"high\"}");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", bad.toString(), "--rule", "accuracy >= 0.8");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("gate: error: " + bad + ": metric 'accuracy' is not a number (found \"high\");"
                + " a metrics file maps names to numbers or to series of numbers\n");
    }

    @Test
    public void shouldAskForARule() {
        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("give at least one --rule or --warn-rule");
    }

    @Test
    public void shouldExitWith3WhenTheRegistryIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(), "--rule", "f1 >= champion.f1",
                "--registry", "mlflow:http://127.0.0.1:" + closedPort, "--model", "credit-risk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.EXTERNAL_FAILURE);
        assertThat(run.err()).startsWith("gate: error: ").contains("127.0.0.1:" + closedPort);
    }

    @Test
    public void shouldTestSignificanceOnBothModelsPredictions() throws IOException {
        registerChampion(Map.of("f1", 0.70), "old-model");
        Path out = dir.resolve("gate.json");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "accuracy > champion.accuracy significantly", "--rule", "roc_auc > champion.roc_auc significantly",
                "--registry", registry, "--model", "credit-risk", "--predictions", reference("challenger.csv").toString(),
                "--champion-predictions", reference("champion.csv").toString(), "--resamples", "500", "--json", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PASSED);
        JsonNode rules = json(out).path("rules");
        // statsmodels mcnemar([[0, 34], [14, 0]], exact=False, correction=True).pvalue = 0.006098945931214356
        assertThat(rules.get(0).path("pValue").asDouble()).isCloseTo(0.006098945931214356, within(1e-15));
        // pROC roc.test(..., method = "delong", paired = TRUE)$p.value = 0.00080198773703147881
        assertThat(rules.get(1).path("pValue").asDouble()).isCloseTo(0.00080198773703147881, within(1e-15));
        assertThat(rules.get(0).path("pValueAdjusted").asDouble()).isCloseTo(0.006098945931214356 * 1, within(1e-15))
                .as("Holm: the larger of two p-values is multiplied by 1");
        assertThat(rules.get(1).path("pValueAdjusted").asDouble()).isCloseTo(0.00080198773703147881 * 2, within(1e-15));
        assertThat(rules.get(0).path("significance").path("resamples").asInt()).isEqualTo(500);
    }

    @Test
    public void shouldScoreBothModelsWithTheScoringCommand() throws IOException {
        registerChampion(Map.of("f1", 0.70), reference("champion.csv").toString());
        Path kept = dir.resolve("predictions");
        Path out = dir.resolve("gate.json");
        Path data = Files.writeString(dir.resolve("eval.csv"), "id\n");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "f1 >= champion.f1 - 0.01 with 95% confidence", "--registry", registry, "--model", "credit-risk",
                "--score-command", "test -f {data} && cp {model} {out}", "--eval-data", data.toString(),
                "--challenger-model", reference("challenger.csv").toString(), "--predictions-dir", kept.toString(),
                "--json", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.PASSED);
        assertThat(kept.resolve("challenger-predictions.csv")).hasSameTextualContentAs(dir.resolve("challenger.csv"));
        assertThat(kept.resolve("champion-predictions.csv")).hasSameTextualContentAs(dir.resolve("champion.csv"));
        assertThat(json(out).path("inputs")).extracting(input -> input.path("path").asText())
                .contains(data.toString(), kept.resolve("champion-predictions.csv").toString());
    }

    @Test
    public void shouldReportAFailingScoringCommandWithItsLastErrorLine() throws IOException {
        registerChampion(Map.of("f1", 0.70), "old-model.joblib");
        Path data = Files.writeString(dir.resolve("eval.csv"), "id\n");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "f1 > champion.f1 significantly", "--registry", registry, "--model", "credit-risk",
                "--score-command", "echo starting >&2; echo {model}: no such file >&2; exit 1 # {data} {out}",
                "--eval-data", data.toString(), "--challenger-model", "new model.joblib");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("gate: error: scoring command for the challenger (new model.joblib) exited with code 1:"
                + " new model.joblib: no such file (command: ");
    }

    @Test
    public void shouldDocumentEveryOptionWithAnExample() {
        CommandLineTester.Run run = CommandLineTester.run("gate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--metrics", "--rule", "--warn-rule", "--registry", "--model", "--champion-alias",
                "--without-champion", "--predictions", "--champion-predictions", "--score-command", "--eval-data",
                "--challenger-model", "--champion-model", "--predictions-dir", "--score-timeout", "--correction",
                "--resamples", "--seed", "--json", "Examples:");
    }

    @Test
    public void shouldCompareTwoPredictionsFilesWithoutARegistry() throws IOException {
        Path out = dir.resolve("gate.json");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(),
                "--rule", "roc_auc > champion.roc_auc significantly", "--rule", "accuracy >= champion.accuracy",
                "--predictions", reference("challenger.csv").toString(),
                "--champion-predictions", reference("champion.csv").toString(), "--resamples", "500", "--json", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PASSED);
        JsonNode result = json(out);
        assertThat(result.path("status").asText()).isEqualTo("PASSED");
        // pROC roc.test(..., method = "delong", paired = TRUE)$p.value = 0.00080198773703147881
        assertThat(result.path("rules").get(0).path("pValue").asDouble()).isCloseTo(0.00080198773703147881, within(1e-15));
        // champion_reference.out: accuracy 0.695
        assertThat(result.path("rules").get(1).path("right").asDouble()).isCloseTo(0.695, within(1e-12));
    }

    @Test
    public void shouldRefuseToGateAFailedTraining() throws IOException {
        Path failed = Files.writeString(dir.resolve("train.json"), "{\"step\": \"train\", \"status\": \"FAILED\","
                + " \"failure\": \"the command exited with code 3\", \"metrics\": {\"accuracy\": 0.91}}");

        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", failed.toString(), "--rule", "accuracy >= 0.8");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(failed + ": a train result with status FAILED (the command exited with code 3)");
    }

    @Test
    public void shouldRefuseADivisionByZeroWhenTheRulesAreChecked() {
        CommandLineTester.Run run = CommandLineTester.run("gate", "--metrics", metrics.toString(), "--rule", "accuracy >= 1/0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("rule 1 'accuracy >= 1/0': division by zero");
    }
}
