package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

public class MetricsFileTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws Exception {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldJoinNestedJsonKeysWithDotsAsDvcMetricsShowDoes() throws Exception {
        Metrics metrics = MetricsFile.read(write("metrics.json", """
                {"accuracy": 0.91, "eval": {"f1": 0.7, "auc": {"roc": 0.93}}, "accuracy[gender=F]": 0.9, "n": 6000}"""));

        assertThat(metrics.values()).containsExactly(entry("accuracy", 0.91), entry("eval.f1", 0.7),
                entry("eval.auc.roc", 0.93), entry("accuracy[gender=F]", 0.9), entry("n", 6000.0));
        assertThat(metrics.series()).isEmpty();
    }

    @Test
    public void shouldReadYamlMetricsAndKeepAListOfNumbersAsASeriesWhoseLastValueIsTheMetric() throws Exception {
        Metrics metrics = MetricsFile.read(write("metrics.yaml", "loss: [0.9, 0.5, 0.3]\nacc: 0.8\n"));

        assertThat(metrics.values()).containsExactly(entry("loss", 0.3), entry("acc", 0.8));
        assertThat(metrics.series()).containsExactly(entry("loss", List.of(0.9, 0.5, 0.3)));
    }

    @Test
    public void shouldKeepEachCsvColumnAsASeriesAndTheEpochColumnAsTheIndex() throws Exception {
        Metrics metrics = MetricsFile.read(write("history.csv", "epoch,loss,val_loss\n1,0.9,1.0\n2,0.5,0.7\n3,0.3,0.6\n"));

        assertThat(metrics.values()).containsExactly(entry("loss", 0.3), entry("val_loss", 0.6));
        assertThat(metrics.series()).containsExactly(entry("loss", List.of(0.9, 0.5, 0.3)), entry("val_loss", List.of(1.0, 0.7, 0.6)));
    }

    @Test
    public void shouldReadTabSeparatedSeries() throws Exception {
        Metrics metrics = MetricsFile.read(write("history.tsv", "step\tloss\n1\t2.5\n2\t1.25\n"));

        assertThat(metrics.values()).containsExactly(entry("loss", 1.25));
    }

    @Test
    public void shouldNameTheLineAndColumnOfANanThatPythonsJsonModuleWrote() throws Exception {
        Path file = write("metrics.json", "{\n  \"accuracy\": 0.9,\n  \"loss\": NaN\n}\n");

        assertThatThrownBy(() -> MetricsFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":3:11: 'loss' is NaN where a number belongs");
    }

    @Test
    public void shouldRejectTextBooleansAndNullsWhereANumberBelongs() throws Exception {
        Path text = write("text.json", "{\"eval\": {\"f1\": \"high\"}}");
        Path bool = write("bool.yaml", "converged: true\n");
        Path infinity = write("inf.yaml", "loss: .inf\n");

        assertThatThrownBy(() -> MetricsFile.read(text)).isInstanceOf(BadInputException.class)
                .hasMessage(text + ":1:17: 'eval.f1' is the text 'high' where a number belongs");
        assertThatThrownBy(() -> MetricsFile.read(bool)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'converged' is the boolean true where a number belongs");
        assertThatThrownBy(() -> MetricsFile.read(infinity)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'loss' is .inf where a number belongs");
    }

    @Test
    public void shouldNameTheRowAndColumnOfTextInACsvSeries() throws Exception {
        Path file = write("history.csv", "epoch,loss\n1,0.9\n2,nan\n");

        assertThatThrownBy(() -> MetricsFile.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 3, column 'loss': 'nan' where a number belongs");
    }

    @Test
    public void shouldSayWhenTheMetricsFileIsMissingEmptyOrMalformed() throws Exception {
        Path missing = folder.getRoot().toPath().resolve("metrics.json");
        Path empty = write("empty.json", "");
        Path header = write("header.csv", "epoch,loss\n");
        Path broken = write("broken.json", "{\"accuracy\": 0.9,");
        Path unknown = write("metrics.txt", "accuracy 0.9");

        assertThatThrownBy(() -> MetricsFile.read(missing)).hasMessage(missing + ": no such metrics file");
        assertThatThrownBy(() -> MetricsFile.read(empty)).hasMessageContaining("empty metrics file");
        assertThatThrownBy(() -> MetricsFile.read(header)).hasMessageContaining("no rows");
        assertThatThrownBy(() -> MetricsFile.read(broken)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(broken + ":1:");
        assertThatThrownBy(() -> MetricsFile.read(unknown)).hasMessageContaining("unknown metrics format");
    }

    @Test
    public void shouldRefuseTheSameMetricFromTwoFiles() {
        Metrics a = new Metrics(java.util.Map.of("loss", 1.0), java.util.Map.of());
        Metrics b = new Metrics(java.util.Map.of("loss", 2.0), java.util.Map.of());

        assertThatThrownBy(() -> a.and(b, "metrics.json", "history.csv"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metric 'loss' is in both metrics.json and history.csv; rename one of them");
    }
}
