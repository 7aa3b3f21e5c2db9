package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.ClassRule;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo, run once for real (Python, scikit-learn, the embedded registry, a live canary through
 * HAProxy judged on Prometheus):
 * the story it tells must be the one the data and models make true.
 */
public class DemoCommandTest {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static CommandLineTester.Run run;
    private static Path out;

    @BeforeClass
    public static void runTheDemo() {
        Path python = ExternalTools.python();
        out = folder.getRoot().toPath().resolve("demo");
        run = CommandLineTester.run("demo", "--out", out.toString(),
                "--example", ExternalTools.repositoryRoot().resolve("examples/credit-risk").toString(),
                "--python", python.toString(), "--haproxy", ExternalTools.haproxy().toString(),
                "--prometheus", ExternalTools.prometheus().toString());
    }

    @Test
    public void shouldEndEveryStepAsTheStoryExpects() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("demo: every step ended as expected");
    }

    @Test
    public void shouldFindTheDocumentedDriftInTheLaterBatchAndNoneInTheHoldout() throws IOException {
        JsonNode batch = read("build-2/validate.json");
        assertThat(batch.path("status").asText()).isEqualTo("FAILED");
        assertThat(batch.path("drift").path("datasetDrift").asBoolean()).isTrue();
        assertThat(driftedColumns(batch)).contains("income", "debt_ratio", "employment_type")
                .doesNotContain("age", "gender", "region", "credit_history_months", "years_employed", "id");
        assertThat(batch.path("violations").get(0).path("column").asText()).isEqualTo("income");
        JsonNode parquet = read("batch-parquet.validate.json");
        assertThat(parquet.path("status").asText()).isEqualTo("FAILED");
        assertThat(driftedColumns(parquet)).isEqualTo(driftedColumns(batch));

        JsonNode holdout = read("build-3/validate.json");
        assertThat(holdout.path("status").asText()).isEqualTo("PASSED");
        assertThat(driftedColumns(holdout)).isEmpty();
    }

    @Test
    public void shouldWarnOnTheFirstModelFailTheWeakOneAndPassTheBetterOne() throws IOException {
        assertThat(read("build-1/gate.json").path("verdict").asText()).isEqualTo("WARNING");
        assertThat(read("build-2/gate.json").path("verdict").asText()).isEqualTo("FAILED");
        // Build 3's candidate passes every rule on quality; latency_p95_ms times this machine (a warn
        // rule), so a machine busy with other work may only warn on it — never fail.
        JsonNode better = read("build-3/gate.json");
        assertThat(better.path("verdict").asText()).isIn("PASSED", "WARNING");
        for (JsonNode rule : better.path("rules")) {
            if (!rule.path("passed").asBoolean()) {
                assertThat(rule.path("rule").asText()).as(rule.toString()).startsWith("latency_p95_ms");
            }
        }
        assertThat(read("build-2/promote.json").path("promoted").asBoolean()).isFalse();
        assertThat(read("build-3/promote.json").path("version").asText()).isEqualTo("2");
        assertThat(read("build-3/promote.json").path("previousVersion").asText()).isEqualTo("1");
    }

    @Test
    public void shouldPromoteTheBetterModelBehindTheCanaryAndRollTheAliasBackOnRequest() throws IOException {
        assertThat(read("build-3/canary.json").path("decision").asText()).isEqualTo("PROMOTED");
        JsonNode rollback = read("rollback.json");
        assertThat(rollback.toString()).contains("\"champion\"");
        assertThat(run.out()).contains("champion  ROLLBACK v2 -> v1");
    }

    @Test
    public void shouldRollTheCandidateOutLiveThroughHaproxyAndRollItsBrokenDeploymentBackAtTheFirstStep() throws IOException {
        JsonNode live = read("build-3/canary.json");
        assertThat(live.path("steps")).hasSize(3);
        assertThat(live.path("steps").get(0).path("weight").asInt()).isEqualTo(5);
        assertThat(live.path("steps").get(0).path("metrics").get(0).path("canary").path("n").asLong())
                .as("requests the candidate answered at 5%").isPositive();
        assertThat(run.out()).contains("ANALYSING: canary at 5% via HAProxy backend credit-risk");

        JsonNode drill = read("drill/canary.json");
        assertThat(drill.path("decision").asText()).isEqualTo("ROLLED_BACK");
        assertThat(drill.path("steps")).hasSize(1);
        assertThat(drill.path("rollbackMillis").asLong()).as("failed analysis to 0% at HAProxy").isLessThan(5000L);
        assertThat(run.out()).containsPattern("requests the broken candidate answered before the rollback: [1-9][0-9]* \\(HAProxy's count\\), after it: 0");
    }

    @Test
    public void shouldWriteReportsWithATrendOverTheThreeBuilds() throws IOException {
        assertThat(out.resolve("build-3/report.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("build-3/summary.md"))).contains("<!-- ml-delivery-report -->");
        try (var records = Files.list(out.resolve("history"))) {
            assertThat(records.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
        }
        assertThat(run.out()).contains("trends over 3 builds");
    }

    private static java.util.List<String> driftedColumns(final JsonNode validate) {
        java.util.List<String> names = new java.util.ArrayList<>();
        validate.path("drift").path("columns").forEach(c -> {
            if (c.path("drifted").asBoolean()) {
                names.add(c.path("name").asText());
            }
        });
        return names;
    }

    private static JsonNode read(final String name) throws IOException {
        return ResultJson.mapper().readTree(out.resolve(name).toFile());
    }
}
