package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class FileHistoryTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path historyWith(final int builds) throws IOException {
        Path directory = folder.newFolder("history").toPath();
        FileHistory history = FileHistory.open(directory);
        for (int build = 1; build <= builds; build++) {
            history.write(TrendWindowTest.record(build));
        }
        return directory;
    }

    @Test
    public void shouldListRecordsNewestFirstByBuildNumberNotByName() throws IOException {
        Path directory = historyWith(12);

        assertThat(FileHistory.open(directory).builds()).containsExactly(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(FileHistory.open(directory).newest()).contains(TrendWindowTest.record(12));
    }

    @Test
    public void shouldNeverReadRecordsBeyondTheTrendsCap() throws IOException {
        Path directory = historyWith(60);
        for (int build = 1; build <= 10; build++) { // the ten oldest cannot be read
            Files.writeString(directory.resolve(build + ".json"), "{ not json", StandardCharsets.UTF_8);
        }

        java.util.List<String> warnings = new java.util.ArrayList<>();
        TrendWindow window = TrendWindow.of(FileHistory.open(directory, warnings::add));

        assertThat(window.size()).isEqualTo(50);
        assertThat(window.oldestFirst().get(0).build()).isEqualTo(11);
        assertThat(warnings).isEmpty(); // the records beyond the cap were never opened
    }

    @Test
    public void shouldSkipACorruptRecordWithAWarningNamingItInsteadOfBlockingEveryLaterReport() throws IOException {
        Path directory = historyWith(5);
        Files.writeString(directory.resolve("3.json"), "{ not json", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("2.json"), "{\"build\": 2}", StandardCharsets.UTF_8);
        java.util.List<String> warnings = new java.util.ArrayList<>();

        TrendWindow window = TrendWindow.of(FileHistory.open(directory, warnings::add));

        assertThat(window.oldestFirst()).extracting(BuildRecord::build).containsExactly(1, 4, 5);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(directory.resolve("3.json") + ":1:").endsWith("(history record skipped; delete or fix the file)");
        assertThat(warnings.get(1)).startsWith(directory.resolve("2.json") + ":1:").contains("missing required field 'label'");
    }

    @Test
    public void shouldTreatAMissingDirectoryAsAnEmptyHistoryAndRefuseAFile() throws IOException {
        assertThat(FileHistory.open(folder.getRoot().toPath().resolve("new")).builds()).isEmpty();
        Path file = folder.newFile("history.json").toPath();

        assertThatThrownBy(() -> FileHistory.open(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": is a file, expected a history directory");
    }

    @Test
    public void shouldNumberANewRunAfterTheNewestAndKeepTheNumberWhenTheSameRunIsReportedAgain() throws IOException {
        FileHistory history = FileHistory.open(historyWith(3));
        RunResults run = RunResults.read(ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run")));

        BuildRecord first = history.recordOf(run, OptionalInt.empty());
        history.write(first);
        BuildRecord again = history.recordOf(run, OptionalInt.empty());

        assertThat(first.build()).isEqualTo(4);
        assertThat(first.label()).isEqualTo("#4");
        assertThat(again).isEqualTo(first);
        assertThat(history.builds()).containsExactly(4, 3, 2, 1);
    }

    @Test
    public void shouldUseAGivenBuildNumberAndReplaceThatBuildsRecord() throws IOException {
        FileHistory history = FileHistory.open(historyWith(3));
        RunResults run = RunResults.read(ReportFixtures.newestRun(folder.getRoot().toPath().resolve("run")));

        BuildRecord record = history.recordOf(run, OptionalInt.of(2));
        history.write(record);

        assertThat(history.builds()).containsExactly(3, 2, 1);
        assertThat(ResultJson.read(history.directory().resolve("2.json"), BuildRecord.class)).isEqualTo(record);
        try (var files = Files.list(history.directory())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("1.json", "2.json", "3.json");
        }
    }

    @Test
    public void shouldShowARecordNotYetWrittenInItsPlace() throws IOException {
        FileHistory history = FileHistory.open(historyWith(3));
        BuildRecord old = TrendWindowTest.record(2);
        BuildRecord replacement = new BuildRecord(2, "#2 again", null, old.status(), "other", old.metrics(), null, null, null,
                java.util.List.of(), null, null, null);
        BuildRecord next = TrendWindowTest.record(4);

        assertThat(TrendWindow.of(history.including(replacement)).oldestFirst()).extracting(BuildRecord::label)
                .containsExactly("#1", "#2 again", "#3");
        assertThat(TrendWindow.of(history.including(next)).newestFirst()).extracting(BuildRecord::build)
                .containsExactly(4, 3, 2, 1);
        assertThat(history.builds()).containsExactly(3, 2, 1);
    }
}
