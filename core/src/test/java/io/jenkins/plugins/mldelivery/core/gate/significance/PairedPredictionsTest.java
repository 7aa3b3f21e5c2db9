package io.jenkins.plugins.mldelivery.core.gate.significance;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class PairedPredictionsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path csv(final String name, final String... lines) throws IOException {
        return Files.writeString(folder.getRoot().toPath().resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    public void shouldPairRowsByIdWhateverTheirOrder() throws IOException {
        Path challenger = csv("new.csv", "id,label,prediction,probability,gender", "a,1,1,0.9,F", "b,0,1,0.6,M", "c,0,0,0.2,F");
        Path champion = csv("old.csv", "prediction,id,probability", "0,c,0.3", "1,a,0.8", "0,b,0.4");

        PairedPredictions rows = PairedPredictions.read(challenger, champion, List.of("gender"));

        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.labels()).containsExactly(1, 0, 0);
        assertThat(rows.champion().predictions()).containsExactly(1, 0, 0);
        assertThat(rows.champion().probabilities()).containsExactly(0.8, 0.4, 0.3);
        assertThat(rows.attributeNames()).containsExactly("gender");
        assertThat(rows.slice(Map.of("gender", "F")).champion().probabilities()).containsExactly(0.8, 0.3);
    }

    @Test
    public void shouldPairRowsByPositionWithoutIds() throws IOException {
        Path challenger = csv("new.csv", "label,prediction", "1,1", "0,1");
        Path champion = csv("old.csv", "label,prediction", "1,0", "0,0");

        PairedPredictions rows = PairedPredictions.read(challenger, champion, List.of());

        assertThat(rows.champion().predictions()).containsExactly(0, 0);
        assertThat(rows.challenger().probabilities()).isNull();
    }

    @Test
    public void shouldRefuseFilesOfDifferentLengthsWithoutIds() throws IOException {
        Path challenger = csv("new.csv", "label,prediction", "1,1", "0,1");
        Path champion = csv("old.csv", "label,prediction", "1,0");

        assertThatThrownBy(() -> PairedPredictions.read(challenger, champion, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(challenger + " has 2 rows but " + champion + " has 1; without an 'id' column in both, rows are"
                        + " paired by position, so both files must score the same evaluation set in the same order");
    }

    @Test
    public void shouldNameTheRowWhoseIdTheOtherFileLacks() throws IOException {
        Path challenger = csv("new.csv", "id,label,prediction", "a,1,1", "z,0,1");
        Path champion = csv("old.csv", "id,prediction", "a,1", "b,0");

        assertThatThrownBy(() -> PairedPredictions.read(challenger, champion, List.of()))
                .hasMessage(challenger + ", row 3, column 'id': id 'z' has no row in " + champion
                        + "; both files must score the same evaluation set");
    }

    @Test
    public void shouldNameARepeatedId() throws IOException {
        Path challenger = csv("new.csv", "id,label,prediction", "a,1,1", "b,0,1");
        Path champion = csv("old.csv", "id,prediction", "a,1", "a,0");

        assertThatThrownBy(() -> PairedPredictions.read(challenger, champion, List.of()))
                .hasMessage(champion + ", row 3, column 'id': id 'a' appears twice");
    }

    @Test
    public void shouldRefuseLabelsThatDisagree() throws IOException {
        Path challenger = csv("new.csv", "id,label,prediction", "a,1,1", "b,0,1");
        Path champion = csv("old.csv", "id,label,prediction", "b,1,1", "a,1,0");

        assertThatThrownBy(() -> PairedPredictions.read(challenger, champion, List.of()))
                .hasMessage(champion + ", row 2, column 'label': label 1 differs from 0 in " + challenger
                        + " row 3; both files must score the same evaluation set");
    }

    @Test
    public void shouldNameTheFileRowAndColumnOfABadValue() throws IOException {
        Path champion = csv("old.csv", "prediction,probability", "1,0.7", "0,0.2");

        assertThatThrownBy(() -> PairedPredictions.read(csv("a.csv", "label,prediction", "1,1", "0,yes"), champion, List.of()))
                .hasMessageEndingWith("a.csv, row 3, column 'prediction': expected 0 or 1, found 'yes'");
        assertThatThrownBy(() -> PairedPredictions.read(csv("b.csv", "label,prediction,probability", "1,1,1.5", "0,0,0.1"),
                champion, List.of()))
                .hasMessageEndingWith("b.csv, row 2, column 'probability': expected a number from 0 to 1, found 1.5");
        assertThatThrownBy(() -> PairedPredictions.read(csv("c.csv", "label,prediction,latency_ms", "1,1,fast", "0,0,3"),
                champion, List.of()))
                .hasMessageEndingWith("c.csv, row 2, column 'latency_ms': expected a number, found 'fast'");
        assertThatThrownBy(() -> PairedPredictions.read(csv("d.csv", "label,prediction", "1,1", ",0"), champion, List.of()))
                .hasMessageEndingWith("d.csv, row 3, column 'label': expected 0 or 1, found ''");
    }

    @Test
    public void shouldListTheColumnsWhenOneIsMissing() throws IOException {
        Path champion = csv("old.csv", "prediction", "1");

        assertThatThrownBy(() -> PairedPredictions.read(csv("a.csv", "label,score", "1,0.3"), champion, List.of()))
                .hasMessageEndingWith("a.csv, row 1: no column 'prediction'; the columns are label, score");
        assertThatThrownBy(() -> PairedPredictions.read(csv("b.csv", "prediction", "1"), champion, List.of()))
                .hasMessageEndingWith("b.csv, row 1: no column 'label' (the gate compares models on labelled rows); the columns are prediction");
        assertThatThrownBy(() -> PairedPredictions.read(csv("c.csv", "label,prediction", "1,1"), champion, List.of("gender")))
                .hasMessageEndingWith("c.csv, row 1: no column 'gender' to slice by; the columns are label, prediction");
    }

    @Test
    public void shouldRefuseAnEmptyOrMissingFile() throws IOException {
        Path champion = csv("old.csv", "prediction", "1");

        assertThatThrownBy(() -> PairedPredictions.read(csv("a.csv", "label,prediction"), champion, List.of()))
                .hasMessageEndingWith("a.csv: no rows (expected a header and one row per prediction)");
        assertThatThrownBy(() -> PairedPredictions.read(folder.getRoot().toPath().resolve("none.csv"), champion, List.of()))
                .hasMessageEndingWith("none.csv: no such file");
    }

    @Test
    public void shouldReportARaggedRowWithItsLine() throws IOException {
        Path champion = csv("old.csv", "prediction", "1", "0");

        assertThatThrownBy(() -> PairedPredictions.read(csv("a.csv", "label,prediction", "1,1", "0"), champion, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(folder.getRoot().toPath().resolve("a.csv") + ": ")
                .hasMessageContaining("(Record 3 has 1 fields, but first record had 2 fields)");
    }
}
