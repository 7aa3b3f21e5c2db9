package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

public class MarkdownSummaryTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private ReportInput newestWithHistory() {
        Path root = folder.getRoot().toPath();
        List<BuildRecord> records = ReportFixtures.fourBuilds(root);
        RunResults run = RunResults.read(root.resolve("run-4"));
        TrendWindow window = TrendWindow.of(records);
        return new ReportInput(run, records.get(0), window, ChampionMetrics.find(run, window, 4), Optional.empty());
    }

    @Test
    public void shouldSummariseAPromotedRunAgainstTheChampionTheGateComparedWith() {
        Golden.assertMatches(MarkdownSummary.render(newestWithHistory()), "summary-promoted.md");
    }

    @Test
    public void shouldSummariseAFailedGateWithItsFailedAndSkippedRulesAndNoChampion() {
        RunResults run = RunResults.read(ReportFixtures.failedGateRun(folder.getRoot().toPath().resolve("failed")));

        Golden.assertMatches(MarkdownSummary.render(ReportInput.of(run)), "summary-failed-gate.md");
    }

    @Test
    public void shouldStartWithTheMarkerSoACiJobCanFindAndUpdateItsComment() {
        String summary = MarkdownSummary.render(newestWithHistory());

        assertThat(summary.lines().findFirst()).contains("<!-- ml-delivery-report -->");
        assertThat(summary.lines().filter(MarkdownSummary.MARKER::equals)).hasSize(1);
    }

    @Test
    public void shouldCompareWithTheChampionOfTheGateResultAndCallMetricsItLacksNew() {
        Path dir = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run"));
        var gate = ReportFixtures.result("gate.json");
        gate.putObject("champion").put("version", "6").putObject("metrics").put("accuracy", 0.865).put("latency_p95_ms", 33.9);
        ReportFixtures.write(dir, "gate.json", gate);

        String summary = MarkdownSummary.render(ReportInput.of(RunResults.read(dir)));

        assertThat(summary).contains("#### Metrics against the champion (version 6)")
                .contains("| accuracy | 0.8734 | 0.865 | ▲ +0.0084 better |")
                .contains("| latency\\_p95\\_ms | 31.4 | 33.9 | ▼ -2.5 better |")
                .contains("| f1 | 0.6412 | – | new |");
    }

    @Test
    public void shouldListRulesThatOnlyWarnedApartFromFailedOnes() {
        Path dir = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run"));
        var gate = ReportFixtures.result("gate.json");
        gate.put("verdict", "WARNING").put("status", "WARNING");
        ((com.fasterxml.jackson.databind.node.ObjectNode) gate.path("rules").get(3)).put("left", 0.81).put("passed", false)
                .put("status", "WARNING").put("severity", "WARN").put("reason", "accuracy[gender=F] 0.81 breaks >= 0.82");
        ReportFixtures.write(dir, "gate.json", gate);

        String summary = MarkdownSummary.render(ReportInput.of(RunResults.read(dir)));

        assertThat(summary).contains("**Gate** ⚠ WARNING (0 of 5 rules failed, 1 warned)")
                .contains("#### Gate ⚠ WARNING: rules that warned")
                .contains("| ⚠ accuracy\\[gender=F\\] &gt;= 0.82 | 0.81 | 0.82 | – | accuracy\\[gender=F\\] 0.81 breaks &gt;= 0.82 |");
    }

    @Test
    public void shouldListOnlyTheFiveMostDriftedFeatures() {
        String summary = MarkdownSummary.render(newestWithHistory());

        String drift = summary.substring(summary.indexOf("#### Most drifted features"));
        assertThat(drift.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Feature") && !line.startsWith("| :")))
                .hasSize(5)
                .first().asString().startsWith("| debt\\_ratio |");
    }

    @Test
    public void shouldShowAMetricNamedLikeMarkupAsTextInTheComment() {
        Path dir = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run"));
        var train = ReportFixtures.result("train.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) train.path("metrics")).put("<img src=x onerror=alert(1)>", 1.0)
                .put("a|b", 2.0);
        ReportFixtures.write(dir, "train.json", train);

        String summary = MarkdownSummary.render(ReportInput.of(RunResults.read(dir)));

        assertThat(summary).contains("| &lt;img src=x onerror=alert(1)&gt; | 1 |").contains("| a\\|b | 2 |")
                .doesNotContain("<img");
    }
}
