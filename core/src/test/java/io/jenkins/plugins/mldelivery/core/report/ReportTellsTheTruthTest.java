package io.jenkins.plugins.mldelivery.core.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report says what happened, nothing a reader guessed: the defects of demo build 2, each pinned. */
public class ReportTellsTheTruthTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path runWith(final String file, final String json) throws IOException {
        Path run = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run"));
        Files.writeString(run.resolve(file), json);
        return run;
    }

    private Path refusedPromotionRun() throws IOException {
        return runWith("promote.json", """
                {"step": "promote", "status": "FAILED", "model": "credit-risk", "version": null, "alias": "champion",
                 "previousVersion": 1, "promoted": false, "forced": false, "gateVerdict": "FAILED",
                 "refusal": "the gate result gate.json is FAILED; credit-risk was not promoted to 'champion'",
                 "timing": {"startedAt": "2026-11-25T10:01:14Z", "finishedAt": "2026-11-25T10:01:15Z", "durationMillis": 1000},
                 "inputs": []}
                """);
    }

    @Test
    public void shouldShowARefusedPromotionAsRefusedNotAsAMoveToVersionNull() throws IOException {
        Path run = refusedPromotionRun();
        Path history = folder.getRoot().toPath().resolve("history");

        StandaloneReport.Outcome outcome = StandaloneReport.write(new StandaloneReport.Request(run, history,
                run.resolve("report.html"), run.resolve("summary.md"), OptionalInt.of(2), null, 50));

        String html = Files.readString(run.resolve("report.html"));
        String summary = Files.readString(run.resolve("summary.md"));
        assertThat(html).doesNotContain("vnull", "version null").contains("not promoted");
        assertThat(summary).doesNotContain("version  →", "version null").contains("not promoted");
        assertThat(outcome.record().aliasMoves()).isEmpty();
        BuildRecord recorded = ResultJson.read(history.resolve("2.json"), BuildRecord.class);
        assertThat(recorded.aliasMoves()).isEmpty();
        assertThat(recorded.promotion()).isNotNull();
        assertThat(recorded.promotion().reason()).contains("not promoted");
    }

    @Test
    public void shouldCountTheComparedFeaturesNotTheColumnsTheDriftPolicyIgnored() throws IOException {
        ObjectNode validate = ReportFixtures.result("validate.json");
        ObjectNode ignored = ((ObjectNode) validate.path("drift").path("columns").get(0));
        ignored.put("compared", false).put("drifted", false);
        int columns = validate.path("drift").path("columns").size();
        Path run = runWith("validate.json", ResultJson.toJson(validate));

        BuildRecord record = BuildRecord.of(RunResults.read(run), 1, "#1");
        String summary = MarkdownSummary.render(ReportInput.of(RunResults.read(run)));

        assertThat(record.drift().columns()).isEqualTo(columns - 1);
        assertThat(summary).contains("of " + (columns - 1) + " compared features drifted");
    }

    @Test
    public void shouldNotListATemporaryFileThatIsGoneAsAnInputToTrace() throws IOException {
        ObjectNode gate = ReportFixtures.result("gate.json");
        String gone = Path.of(System.getProperty("java.io.tmpdir"), "ml-delivery-gate-gone", "challenger-predictions.csv").toString();
        gate.withArray("inputs").addObject().put("path", gone).put("bytes", 10).put("sha256", "ab".repeat(32));
        Path run = runWith("gate.json", ResultJson.toJson(gate));

        String html = HtmlReport.render(ReportInput.of(RunResults.read(run))).html();

        assertThat(html).doesNotContain("challenger-predictions.csv");
    }

    @Test
    public void shouldRefuseMalformedResultsNamingTheFileAndField() throws IOException {
        assertThatThrownBy(() -> RunResults.read(runWith("train.json", "{\"step\": \"train\", \"status\": \"PASSED\", \"metrics\": {\"auc\": \"high\"}}")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("train.json: field 'metrics.auc': expected a number, found \"high\"");
        assertThatThrownBy(() -> RunResults.read(runWith("train.json", "{\"step\": \"train\", \"status\": \"PASSED\", \"metrics\": null}")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("train.json: field 'metrics': must not be null");
        assertThatThrownBy(() -> RunResults.read(runWith("canary.json",
                "{\"step\": \"canary\", \"status\": \"PASSED\", \"decision\": \"PROMOTED\", \"steps\": \"many\"}")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("canary.json: field 'steps': expected a list, found text");
    }
}
