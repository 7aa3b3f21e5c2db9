package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.report.MarkdownSummary;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class ReportCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldWriteReportAndSummaryAndAddEachRunToTheHistory() throws IOException {
        Path root = folder.getRoot().toPath();
        String history = root.resolve("history").toString();
        for (int build = 1; build <= 3; build++) {
            Path run = ReportFixtures.earlierRun(root.resolve("run-" + build), build);
            assertThat(CommandLineTester.run("report", "--run", run.toString(), "--history", history,
                    "--out", root.resolve("old.html").toString()).exitCode()).isZero();
        }
        Path run = ReportFixtures.newestRun(root.resolve("run-4"));
        Path html = root.resolve("site/report.html");
        Path markdown = root.resolve("site/summary.md");

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", run.toString(), "--history", history,
                "--out", html.toString(), "--markdown", markdown.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).isEqualTo(String.join(System.lineSeparator(),
                "report: build #4 (WARNING), 13 charts, trends over 4 builds -> " + html,
                "summary: " + markdown + " (metrics against the champion (version 6))",
                "history: " + root.resolve("history/4.json"), ""));
        assertThat(Files.readString(markdown)).startsWith(MarkdownSummary.MARKER)
                .contains("| accuracy | 0.8734 | 0.865 | ▲ +0.0084 better |");
        assertThat(Files.readString(html)).contains("Trend over 4 builds");
        assertThat(root.resolve("history")).isDirectoryContaining("glob:**/4.json");
    }

    @Test
    public void shouldDrawTrendsOverNoMoreBuildsThanAsked() throws IOException {
        Path root = folder.getRoot().toPath();
        String history = root.resolve("history").toString();
        for (int build = 1; build <= 3; build++) {
            CommandLineTester.run("report", "--run", ReportFixtures.earlierRun(root.resolve("run-" + build), build).toString(),
                    "--history", history, "--out", root.resolve("old.html").toString());
        }

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", ReportFixtures.newestRun(root.resolve("run-4")).toString(),
                "--history", history, "--out", root.resolve("report.html").toString(), "--trend-builds", "2", "--build", "40");

        assertThat(report.out()).startsWith("report: build #40 (WARNING), 13 charts, trends over 2 builds");
    }

    @Test
    public void shouldCompareWithAGivenChampionMetricsFile() throws IOException {
        Path root = folder.getRoot().toPath();
        Path champion = root.resolve("champion.json");
        Files.writeString(champion, "{\"accuracy\": 0.88, \"latency_p95_ms\": 30}");

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", ReportFixtures.newestRun(root.resolve("run")).toString(),
                "--out", root.resolve("report.html").toString(), "--markdown", root.resolve("summary.md").toString(),
                "--champion-metrics", champion.toString());

        assertThat(report.exitCode()).isZero();
        assertThat(Files.readString(root.resolve("summary.md"))).contains("| accuracy | 0.8734 | 0.88 | ▼ -0.0066 worse |")
                .contains("| latency\\_p95\\_ms | 31.4 | 30 | ▲ +1.4 worse |");
    }

    @Test
    public void shouldExitWith2AndOneLineForAMissingRunDirectory() {
        Path root = folder.getRoot().toPath();

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", root.resolve("absent").toString(),
                "--out", root.resolve("report.html").toString());

        assertThat(report.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(report.err().lines()).hasSize(1).first().asString()
                .startsWith("report: error: " + root.resolve("absent") + ": no such directory");
        assertThat(root.resolve("report.html")).doesNotExist();
    }

    @Test
    public void shouldExitWith2ForAMalformedResultNamingItsLine() throws IOException {
        Path root = folder.getRoot().toPath();
        Path run = ReportFixtures.newestRun(root.resolve("run"));
        Files.writeString(run.resolve("gate.json"), "{\n\"step\": \"gate\",\n\"rules\": [\n");

        CommandLineTester.Run report = CommandLineTester.run("report", "--run", run.toString(), "--out", root.resolve("r.html").toString());

        assertThat(report.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(report.err()).startsWith("report: error: " + run.resolve("gate.json") + ":4:");
    }

    @Test
    public void shouldRequireTheRunAndTheOutput() {
        CommandLineTester.Run report = CommandLineTester.run("report", "--out", "x.html");

        assertThat(report.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(report.err()).contains("--run");
    }
}
