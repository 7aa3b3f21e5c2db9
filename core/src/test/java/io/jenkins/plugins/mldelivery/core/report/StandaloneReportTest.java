package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.history.FileHistory;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class StandaloneReportTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private StandaloneReport.Outcome report(final Path run, final Path history) {
        Path out = folder.getRoot().toPath().resolve("out");
        return StandaloneReport.write(new StandaloneReport.Request(run, history, out.resolve("report.html"),
                out.resolve("summary.md"), OptionalInt.empty(), null, 50));
    }

    @Test
    public void shouldAddEachRunToTheHistoryAndDrawTrendsOverAllOfThem() throws IOException {
        Path root = folder.getRoot().toPath();
        Path history = root.resolve("history");
        for (int build = 1; build <= 3; build++) {
            report(ReportFixtures.earlierRun(root.resolve("run-" + build), build), history);
        }

        StandaloneReport.Outcome outcome = report(ReportFixtures.newestRun(root.resolve("run-4")), history);

        assertThat(outcome.record().build()).isEqualTo(4);
        assertThat(outcome.trendBuilds()).isEqualTo(4);
        assertThat(outcome.champion()).contains("champion (version 6)"); // the one the gate compared with
        assertThat(FileHistory.open(history).builds()).containsExactly(4, 3, 2, 1);
        assertThat(Files.readString(root.resolve("out/summary.md"))).startsWith(MarkdownSummary.MARKER + "\n");
        assertThat(Files.readString(root.resolve("out/report.html"))).contains("Trend over 4 builds");
    }

    @Test
    public void shouldFindTheChampionInTheHistoryWhenTheGateNamesNone() throws IOException {
        Path root = folder.getRoot().toPath();
        Path history = root.resolve("history");
        for (int build = 1; build <= 3; build++) {
            report(ReportFixtures.earlierRun(root.resolve("run-" + build), build), history);
        }
        Path run = ReportFixtures.newestRun(root.resolve("run-4"));
        ReportFixtures.write(run, "gate.json", ReportFixtures.result("gate.json").without("champion"));

        StandaloneReport.Outcome outcome = report(run, history);

        // build 3 made version 6 the champion; build 2's gate failed
        assertThat(outcome.champion()).contains("champion (version 6, build #3)");
        assertThat(Files.readString(root.resolve("out/summary.md"))).contains("| roc\\_auc | 0.9127 | 0.9071 | ▲ +0.0056 better |");
    }

    @Test
    public void shouldNotAddAPointWhenTheSameRunIsReportedTwice() {
        Path root = folder.getRoot().toPath();
        Path history = root.resolve("history");
        Path run = ReportFixtures.newestRun(root.resolve("run"));

        report(run, history);
        StandaloneReport.Outcome again = report(run, history);

        assertThat(again.record().build()).isEqualTo(1);
        assertThat(FileHistory.open(history).builds()).containsExactly(1);
    }

    @Test
    public void shouldWriteTheSameBytesForTheSameRun() throws IOException {
        Path root = folder.getRoot().toPath();
        Path run = ReportFixtures.newestRun(root.resolve("run"));
        StandaloneReport.write(new StandaloneReport.Request(run, null, root.resolve("a.html"), root.resolve("a.md"),
                OptionalInt.empty(), null, 50));
        StandaloneReport.write(new StandaloneReport.Request(run, null, root.resolve("b.html"), root.resolve("b.md"),
                OptionalInt.empty(), null, 50));

        assertThat(root.resolve("a.html")).hasSameBinaryContentAs(root.resolve("b.html"));
        assertThat(root.resolve("a.md")).hasSameBinaryContentAs(root.resolve("b.md"));
    }

    @Test
    public void shouldWriteNothingWhenTheRunCannotBeRead() throws IOException {
        Path root = folder.getRoot().toPath();
        Path run = ReportFixtures.newestRun(root.resolve("run"));
        Files.writeString(run.resolve("gate.json"), "{ \"step\": ");

        assertThatThrownBy(() -> report(run, root.resolve("history"))).isInstanceOf(BadInputException.class);
        assertThat(root.resolve("out")).doesNotExist();
        assertThat(root.resolve("history")).doesNotExist();
    }
}
