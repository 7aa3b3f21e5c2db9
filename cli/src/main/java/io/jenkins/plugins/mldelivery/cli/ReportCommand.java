package io.jenkins.plugins.mldelivery.cli;

import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.report.StandaloneReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code ml-delivery report}: the HTML report and the Markdown summary of one run, with trends drawn
 * from a history directory that the run's record is added to.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report (charts, gate table, lineage, model card) and a Markdown "
                + "summary for pull-request comments from the step results of one run.",
                "The run directory holds the steps' --json results (*.json with a \"step\" field, one per step) and "
                        + "optionally model-card.md. With --history, the run's record is added to that directory "
                        + "(one small <build>.json per build) and the trends show up to --trend-builds builds."},
        footer = {"", "Exit codes: 0 written (whatever the run's outcome), 2 bad usage or input.", "", "Example:",
                "  ml-delivery report --run runs/42 --history ml-history --out report.html --markdown summary.md"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "The run directory holding the steps' --json results.")
    private Path run;

    @Option(names = "--history", paramLabel = "DIR",
            description = "The history directory: this run's record is added to it and trends are drawn from it.")
    private Path history;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the HTML report.")
    private Path out;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Where to write the Markdown summary.")
    private Path markdown;

    @Option(names = "--build", paramLabel = "N",
            description = "This run's build number in the history (e.g. $BUILD_NUMBER); default: the next number, "
                    + "or the newest record's own when the same run is reported again.")
    private Integer build;

    @Option(names = "--champion-metrics", paramLabel = "FILE",
            description = "A flat metrics JSON of the champion to compare with; default: the gate result's champion, "
                    + "else the newest earlier build in the history that promoted to 'champion'.")
    private Path championMetrics;

    @Option(names = "--trend-builds", paramLabel = "N", defaultValue = "" + TrendWindow.DEFAULT_CAP,
            description = "The most builds a trend shows (default: ${DEFAULT-VALUE}).")
    private int trendBuilds;

    @Override
    public Integer call() {
        if (trendBuilds < 1) {
            throw new ParameterException(spec.commandLine(), "--trend-builds must be at least 1, not " + trendBuilds);
        }
        if (build != null && build < 0) {
            throw new ParameterException(spec.commandLine(), "--build must not be negative, not " + build);
        }
        StandaloneReport.Outcome outcome = StandaloneReport.write(new StandaloneReport.Request(run, history, out, markdown,
                build == null ? OptionalInt.empty() : OptionalInt.of(build), championMetrics, trendBuilds));
        PrintWriter writer = spec.commandLine().getOut();
        outcome.warnings().forEach(warning -> spec.commandLine().getErr().println("report: warning: " + warning));
        spec.commandLine().getErr().flush();
        writer.println("report: build " + outcome.record().label() + " (" + outcome.record().status() + "), "
                + outcome.charts() + " charts, trends over " + outcome.trendBuilds()
                + (outcome.trendBuilds() == 1 ? " build" : " builds") + " -> " + out);
        if (markdown != null) {
            writer.println("summary: " + markdown + outcome.champion().map(c -> " (metrics against the " + c + ")")
                    .orElse(" (no champion to compare with)"));
        }
        if (history != null) {
            writer.println("history: " + history.resolve(outcome.record().build() + ".json"));
        }
        writer.flush();
        return ExitCode.PASSED;
    }
}
