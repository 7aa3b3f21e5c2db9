package io.jenkins.plugins.mldelivery.core.history;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.report.ReportFixtures;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class RunResultsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldFindEachStepByItsStepFieldWhateverTheFileIsCalled() throws IOException {
        Path run = ReportFixtures.newestRun(folder.getRoot().toPath());
        Files.move(run.resolve("gate.json"), run.resolve("02-judgement.json"));

        RunResults results = RunResults.read(run);

        assertThat(results.steps()).containsOnlyKeys("canary", "gate", "promote", "train", "validate");
        assertThat(results.record(io.jenkins.plugins.mldelivery.core.result.GateRecord.class))
                .hasValueSatisfying(gate -> assertThat(gate.verdict()).isEqualTo("PASSED"));
        assertThat(results.sources()).hasSize(5).allSatisfy(source -> assertThat(source.sha256()).hasSize(64));
    }

    @Test
    public void shouldSkipJsonFilesThatAreNotResultsOfTheStepsItReports() throws IOException {
        Path run = ReportFixtures.newestRun(folder.getRoot().toPath());
        Files.writeString(run.resolve("metrics.json"), "{\"accuracy\": 0.9}");
        Files.writeString(run.resolve("list.json"), "[1, 2]");
        Files.writeString(run.resolve("reference-profile.json"), "{\"step\": \"profile\"}");
        Files.writeString(run.resolve("batch-profile.json"), "{\"step\": \"profile\"}");

        assertThat(RunResults.read(run).steps()).hasSize(5);
    }

    @Test
    public void shouldRefuseTwoResultsOfTheSameStepNamingBothFiles() throws IOException {
        Path run = ReportFixtures.newestRun(folder.getRoot().toPath());
        Files.copy(run.resolve("gate.json"), run.resolve("gate-again.json"));

        assertThatThrownBy(() -> RunResults.read(run))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("gate.json")
                .hasMessageContaining("gate-again.json")
                .hasMessageContaining("a second 'gate' result");
    }

    @Test
    public void shouldNameFileLineAndColumnOfMalformedJson() throws IOException {
        Path run = folder.getRoot().toPath();
        Files.writeString(run.resolve("gate.json"), "{\n  \"step\": \"gate\",\n  verdict\n}");

        assertThatThrownBy(() -> RunResults.read(run))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(run.resolve("gate.json") + ":3:");
    }

    @Test
    public void shouldSayWhatARunDirectoryMustHoldWhenItHoldsNoResult() throws IOException {
        Path run = folder.newFolder("empty").toPath();
        Files.writeString(run.resolve("notes.txt"), "nothing");

        assertThatThrownBy(() -> RunResults.read(run))
                .isInstanceOf(BadInputException.class)
                .hasMessage(run + ": no step results (expected *.json files written by --json of validate, drift, train, gate, "
                        + "promote, canary)");
        assertThatThrownBy(() -> RunResults.read(run.resolve("absent")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(run.resolve("absent") + ": no such directory");
    }

    @Test
    public void shouldGiveTheSameDigestForTheSameResultsAndAnotherForChangedOnes() throws IOException {
        Path first = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("a"));
        Path second = ReportFixtures.newestRun(folder.getRoot().toPath().resolve("b"));

        assertThat(RunResults.read(first).digest()).isEqualTo(RunResults.read(second).digest());

        Files.writeString(second.resolve("promote.json"), Files.readString(second.resolve("promote.json")).replace("\"version\" : \"7\"", "\"version\" : \"8\""));
        assertThat(RunResults.read(first).digest()).isNotEqualTo(RunResults.read(second).digest());
    }
}
