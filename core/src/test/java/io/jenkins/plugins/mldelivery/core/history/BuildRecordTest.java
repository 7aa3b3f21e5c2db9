package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.result.GateRecord;
import io.jenkins.plugins.mldelivery.core.result.PromoteRecord;
import io.jenkins.plugins.mldelivery.core.result.TrainRecord;

import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class BuildRecordTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private BuildRecord newestRecord() {
        return BuildRecord.of(RunResults.read(ReportFixtures.newestRun(folder.getRoot().toPath())), 4, "#4");
    }

    @Test
    public void shouldKeepTheTrainedModelsMetrics() {
        assertThat(newestRecord().metrics())
                .containsEntry("accuracy", 0.8734)
                .containsEntry("accuracy[gender=F]", 0.8691)
                .containsEntry("latency_p95_ms", 31.4)
                .hasSize(9);
    }

    @Test
    public void shouldTakeTheWorstStatusAndTheLastFinishOfAllSteps() {
        BuildRecord record = newestRecord();

        assertThat(record.status()).isEqualTo(Status.WARNING); // validate warned about drift
        assertThat(record.recordedAt()).isEqualTo(Instant.parse("2026-11-25T10:09:42.118Z")); // the canary finished last
    }

    @Test
    public void shouldComputeMissingRatesFromMissingAndPresentCounts() {
        DataQuality quality = newestRecord().dataQuality();

        assertThat(quality.rows()).isEqualTo(5000);
        assertThat(quality.violations()).isEqualTo(2);
        assertThat(quality.missingRates().get("employment_type")).isCloseTo(140.0 / 5000, within(1e-12));
        assertThat(quality.missingRates().get("age")).isZero();
    }

    @Test
    public void shouldSummariseDriftWithTheMostDriftedFeaturesFirst() {
        DriftSummary drift = newestRecord().drift();

        assertThat(drift.datasetDrift()).isFalse();
        assertThat(drift.columns()).isEqualTo(10);
        assertThat(drift.driftedColumns()).isEqualTo(2);
        assertThat(drift.driftedShare()).isEqualTo(0.2);
        assertThat(drift.mostDrifted()).extracting(FeatureDrift::name)
                .startsWith("debt_ratio", "income", "employment_type", "credit_history_months");
    }

    @Test
    public void shouldKeepGateRulesWithTheMetricTheyJudgeAndTheirDirection() {
        GateSummary gate = newestRecord().gate();

        assertThat(gate.verdict()).isEqualTo("PASSED");
        assertThat(gate.rules()).extracting(GateRecord.Rule::metric)
                .containsExactly("accuracy", "f1", "roc_auc", "accuracy[gender=F]", "latency_p95_ms");
        assertThat(gate.rules().get(0).higherIsBetter()).isTrue();
        assertThat(gate.rules().get(4).higherIsBetter()).isFalse();
        assertThat(gate.rules().get(2).pValue()).isEqualTo(0.0312);
        assertThat(gate.failedRules()).isEmpty();
    }

    @Test
    public void shouldRecordAliasMovesCanaryOutcomeAndLineage() {
        BuildRecord record = newestRecord();

        assertThat(record.moved("champion")).contains(new PromoteRecord.AliasMove("credit-risk", "7", "champion", "6"));
        assertThat(record.canary()).isEqualTo(new CanarySummary("PROMOTED", 5, 100.0, 98.0));
        assertThat(record.lineage().gitCommit()).isEqualTo("3f9c2e1b7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b");
        assertThat(record.lineage().gitDirty()).isFalse();
        assertThat(record.lineage().data()).extracting(TrainRecord.DataFile::path).containsExactly("data/train.csv");
    }

    @Test
    public void shouldReadBackFromItsJsonAsAnEqualRecordAndStaySmall() {
        BuildRecord record = newestRecord();

        String json = ResultJson.toJson(record);

        assertThat(ResultJson.mapper().convertValue(ResultJson.mapper().valueToTree(record), BuildRecord.class)).isEqualTo(record);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(8 * 1024);
    }

    @Test
    public void shouldLeaveOutWhatARunDidNotDo() throws Exception {
        java.nio.file.Path run = folder.newFolder("train-only").toPath();
        ReportFixtures.write(run, "train.json", ReportFixtures.result("train.json"));

        BuildRecord record = BuildRecord.of(RunResults.read(run), 1, "#1");

        assertThat(record.gate()).isNull();
        assertThat(record.drift()).isNull();
        assertThat(record.dataQuality()).isNull();
        assertThat(record.canary()).isNull();
        assertThat(record.aliasMoves()).isEmpty();
        assertThat(ResultJson.toJson(record)).doesNotContain("\"gate\"").doesNotContain("null");
    }

    @Test
    public void shouldBeEqualByValue() {
        EqualsVerifier.forClass(BuildRecord.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(DataQuality.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(DriftSummary.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(FeatureDrift.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(GateSummary.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(GateRecord.Rule.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(PromoteRecord.AliasMove.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(CanarySummary.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(TrainRecord.Lineage.class).suppress(Warning.NULL_FIELDS).verify();
    }
}
