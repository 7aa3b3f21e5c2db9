package io.jenkins.plugins.mldelivery.core.gate;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class MetricsFileTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path file(final String content) throws IOException {
        return Files.writeString(folder.newFile().toPath(), content);
    }

    @Test
    public void shouldReadFlatMetricsAndKeepTheLastValueOfASeries() throws IOException {
        Path file = file("{\"accuracy\": 0.87, \"loss\": [0.9, 0.5, 0.31], \"accuracy[ gender = F ]\": 0.85}");

        assertThat(MetricsFile.read(file).asMap())
                .containsExactly(Map.entry("accuracy", 0.87), Map.entry("accuracy[gender=F]", 0.85), Map.entry("loss", 0.31));
    }

    @Test
    public void shouldReadTheMetricsOfATrainResult() throws IOException {
        Path file = file("{\"step\": \"train\", \"status\": \"PASSED\", \"metrics\": {\"f1\": 0.8}, \"params\": {\"depth\": \"3\"}}");

        assertThat(MetricsFile.read(file).asMap()).containsExactly(Map.entry("f1", 0.8));
    }

    @Test
    public void shouldNameAMetricThatIsNotANumber() throws IOException {
        Path file = file("{\"accuracy\": 0.87, \"model\": \"xgboost\"}");

        assertThatThrownBy(() -> MetricsFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": metric 'model' is not a number (found \"xgboost\"); a metrics file maps names to numbers"
                        + " or to series of numbers");
    }

    @Test
    public void shouldRefuseSomethingOtherThanAnObject() throws IOException {
        Path file = file("[0.87]");

        assertThatThrownBy(() -> MetricsFile.read(file)).hasMessage(file + ": expected a JSON object of metric names to numbers");
    }

    @Test
    public void shouldRefuseAMetricGivenTwiceUnderTwoSpellings() throws IOException {
        Path file = file("{\"accuracy[gender=F]\": 0.8, \"accuracy[gender = F]\": 0.9}");

        assertThatThrownBy(() -> MetricsFile.read(file)).hasMessage(file + ": metric 'accuracy[gender=F]' is given twice");
    }

    @Test
    public void shouldNameTheLineOfMalformedJson() throws IOException {
        Path file = file("{\n\"accuracy\": 0.87,\n}");

        assertThatThrownBy(() -> MetricsFile.read(file)).hasMessageStartingWith(file + ":3:");
    }

    @Test
    public void shouldRefuseTheMetricsOfAFailedTraining() throws IOException {
        Path file = file("{\"step\": \"train\", \"status\": \"FAILED\", \"failure\": \"the command exited with code 3\","
                + " \"metrics\": {\"accuracy\": 0.91}}");

        assertThatThrownBy(() -> MetricsFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": a train result with status FAILED (the command exited with code 3); a failed training"
                        + " has no model to gate: fix the training, or gate the metrics file it wrote");
    }

    @Test
    public void shouldReadTheMetricsOfATrainingThatWarned() throws IOException {
        Path file = file("{\"step\": \"train\", \"status\": \"WARNING\", \"metrics\": {\"f1\": 0.8}}");

        assertThat(MetricsFile.read(file).asMap()).containsExactly(Map.entry("f1", 0.8));
    }
}
