package io.jenkins.plugins.mldelivery.core.report;

import io.jenkins.plugins.mldelivery.core.history.BuildRecord;
import io.jenkins.plugins.mldelivery.core.history.FileHistory;
import io.jenkins.plugins.mldelivery.core.history.RunResults;
import io.jenkins.plugins.mldelivery.core.history.TrendWindow;
import io.jenkins.plugins.mldelivery.core.io.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes the report of a run directory, as {@code ml-delivery report} does: reads the results, adds
 * the run's record to the history if one is given, and writes the HTML report and the Markdown
 * summary. Nothing is written until everything is rendered, and every file is written atomically.
 */
public final class StandaloneReport {
    private StandaloneReport() {
        // static entry point only
    }

    /**
     * What to report and where.
     *
     * @param runDirectory     the directory holding the run's step results
     * @param historyDirectory the history directory, or null for a report of this run alone
     * @param html             where to write the HTML report
     * @param markdown         where to write the Markdown summary, or null
     * @param build            this run's build number, or empty to number it after the history's newest
     * @param championMetrics  a flat metrics file of the champion, or null to find the champion in the results or history
     * @param trendCap         the most builds a trend shows
     */
    public record Request(Path runDirectory, Path historyDirectory, Path html, Path markdown, OptionalInt build,
            Path championMetrics, int trendCap) {
        /** Validates the fields. */
        public Request {
            Objects.requireNonNull(runDirectory, "runDirectory");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(build, "build");
            if (trendCap < 1) {
                throw new IllegalArgumentException("a trend shows at least one build, not " + trendCap);
            }
        }
    }

    /**
     * What was written.
     *
     * @param record      the run's build record
     * @param trendBuilds how many builds the trends show
     * @param charts      how many charts the HTML report draws
     * @param champion    what the metrics were compared with, if anything
     * @param warnings    what people should know: history records that could not be read and were skipped
     */
    public record Outcome(BuildRecord record, int trendBuilds, int charts, Optional<String> champion, List<String> warnings) {
        /** Copies the list. */
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Makes the report.
     *
     * @param request what to report and where
     * @return what was written
     * @throws io.jenkins.plugins.mldelivery.core.io.BadInputException if the run directory or history is missing or malformed
     */
    public static Outcome write(final Request request) {
        RunResults run = RunResults.read(request.runDirectory());
        List<String> warnings = new java.util.ArrayList<>();
        FileHistory history = request.historyDirectory() == null ? null : FileHistory.open(request.historyDirectory(),
                warning -> {
                    if (!warnings.contains(warning)) {
                        warnings.add(warning);
                    }
                });
        BuildRecord record;
        TrendWindow window;
        if (history == null) {
            int build = request.build().orElse(1);
            record = BuildRecord.of(run, build, "#" + build);
            window = new TrendWindow(List.of(record));
        }
        else {
            record = history.recordOf(run, request.build());
            window = TrendWindow.of(history.including(record), request.trendCap());
        }
        Optional<ChampionMetrics> champion = request.championMetrics() != null
                ? Optional.of(ChampionMetrics.read(request.championMetrics()))
                : ChampionMetrics.find(run, window, record.build());
        ReportInput input = new ReportInput(run, record, window, champion, ModelCard.find(request.runDirectory()));

        HtmlReport.Page page = HtmlReport.render(input);
        String summary = request.markdown() == null ? null : MarkdownSummary.render(input);
        AtomicFiles.write(request.html(), page.html().getBytes(StandardCharsets.UTF_8));
        if (summary != null) {
            AtomicFiles.write(request.markdown(), summary.getBytes(StandardCharsets.UTF_8));
        }
        if (history != null) {
            history.write(record);
        }
        return new Outcome(record, input.window().size(), page.charts(), champion.map(ChampionMetrics::label), warnings);
    }
}
