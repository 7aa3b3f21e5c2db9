package io.jenkins.plugins.mldelivery.core.training;

import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The example project trains for real with the project's Python environment: the data it
 * generates has the drifts its README documents, the default parameters give a clearly better
 * model than the weak ones the demo uses for a failing gate, training is reproducible bit for bit,
 * and predict.py writes the predictions CSV of the team's contract.
 */
public class CreditRiskExampleTest {
    private static final List<String> SOURCES = List.of("generate_data.py", "credit_features.py", "train.py", "predict.py", "params.yaml");

    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static Path python;
    private static Path project;
    private static TrainResult defaults;

    @BeforeClass
    public static void copyTheExampleAndGenerateItsData() throws Exception {
        python = ExternalTools.python();
        project = folder.getRoot().toPath().resolve("credit-risk");
        Files.createDirectories(project);
        Path example = ExternalTools.repositoryRoot().resolve("examples/credit-risk");
        for (String source : SOURCES) {
            Files.copy(example.resolve(source), project.resolve(source));
        }
        String log = python("generate_data.py", "--out", "data", "--rows", "20000", "--batch-rows", "3000");
        assertThat(log).contains("data/train.csv: 20000 rows");
        // trained once for the tests below: twice in fact, to check that it is reproducible
        defaults = new Trainer(line -> { }, Clock.systemUTC()).profilingDataWith(new CsvDataProfiler())
                .checkReproducibility(training().publishingTo(project.resolve("artifacts")).build(), 0.0, List.of("latency_p95_ms"));
        copyDirectory(project.resolve("model"), project.resolve("champion")); // before the weak model overwrites it
    }

    private static void copyDirectory(final Path from, final Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String python(final String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static TrainingRequest.Builder training() {
        return TrainingRequest.command(TrainingCommand.ofArguments(List.of(python.toString(), "train.py")))
                .inDirectory(project).readingParams(Path.of("params.yaml")).readingMetrics(Path.of("metrics.json"))
                .readingMetrics(Path.of("history.csv")).collectingModel("model/**").trainingOn(Path.of("data/train.csv"))
                // MLmodel records when it was written: the README's reproducible run pins that time this way
                .withEnvironment("SOURCE_DATE_EPOCH", "1764979200")
                .timingOutAfter(Duration.ofMinutes(2));
    }

    @Test
    public void shouldGenerateABatchThatDriftsAsTheReadmeSays() throws Exception {
        Table train = Table.read(project.resolve("data/train.csv"));
        Table holdout = Table.read(project.resolve("data/holdout.csv"));
        Table batch = Table.read(project.resolve("data/batch.csv"));

        assertThat(train.rows()).isEqualTo(20_000);
        assertThat(train.mean("label")).isCloseTo(0.20, within(0.02));
        assertThat(holdout.mean("label")).isCloseTo(train.mean("label"), within(0.03));
        assertThat(batch.mean("label")).isGreaterThan(train.mean("label") + 0.07);
        assertThat(batch.median("income") / train.median("income")).isCloseTo(0.85, within(0.03));
        assertThat(batch.share("income", "")).isCloseTo(0.015, within(0.007));
        assertThat(train.share("income", "")).isZero();
        assertThat(batch.mean("debt_ratio") - train.mean("debt_ratio")).isCloseTo(0.08, within(0.02));
        assertThat(batch.share("employment_type", "contract") - train.share("employment_type", "contract"))
                .isCloseTo(0.12, within(0.025));
        assertThat(batch.mean("age")).isCloseTo(train.mean("age"), within(0.8));
        assertThat(batch.share("gender", "F")).isCloseTo(train.share("gender", "F"), within(0.025));
        assertThat(batch.share("region", "south")).isCloseTo(train.share("region", "south"), within(0.025));
    }

    @Test
    public void shouldTrainAGoodModelReproduciblyWithTheDefaultParameters() {
        TrainResult result = defaults;

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.reproducibility().modelIdentical()).isTrue();
        Map<String, Double> metrics = result.metrics();
        assertThat(metrics).containsKeys("accuracy", "f1", "roc_auc", "logloss", "latency_p95_ms",
                "accuracy[gender=F]", "accuracy[gender=M]", "accuracy[region=south]", "eval_logloss");
        assertThat(metrics.get("accuracy")).isGreaterThan(0.88);
        assertThat(metrics.get("roc_auc")).isGreaterThan(0.92);
        assertThat(metrics.get("f1")).isGreaterThan(0.65);
        assertThat(metrics.get("latency_p95_ms")).isPositive();
        assertThat(result.series().get("eval_logloss")).hasSize(100);
        // an MLflow model directory (MLmodel beside the pickled model), so MLflow's own loaders read it
        assertThat(result.artifacts()).extracting(Artifact::path).contains("model/MLmodel", "profiles/train.csv.profile.json");
        DatasetProfile profile = DatasetProfile.read(project.resolve("artifacts/profiles/train.csv.profile.json"));
        assertThat(profile.rows()).isEqualTo(20_000);
        assertThat(profile.column("income")).isPresent();
        assertThat(result.params()).containsEntry("model.max_depth", 3);
    }

    @Test
    public void shouldTrainAClearlyWorseModelWithTheWeakParameters() {
        TrainResult result = new Trainer(line -> { }, Clock.systemUTC()).train(training()
                .overriding(ParamOverride.parse("model.max_depth=1")).overriding(ParamOverride.parse("model.max_iter=20"))
                .build());

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASSED);
        assertThat(result.metrics().get("accuracy")).isLessThan(0.85);
        assertThat(result.metrics().get("f1")).isLessThan(0.4);
        assertThat(result.metrics().get("roc_auc")).isLessThan(0.91);
    }

    @Test
    public void shouldScoreAFileIntoThePredictionsCsvWithPerRowLatency() throws Exception {
        Files.write(project.resolve("sample.csv"), Files.readAllLines(project.resolve("data/holdout.csv")).subList(0, 501));

        python("predict.py", "--model", "champion", "--data", "sample.csv", "--out", "scored/sample.csv");

        List<String> lines = Files.readAllLines(project.resolve("scored/sample.csv"));
        assertThat(lines.get(0)).isEqualTo("id,label,prediction,probability,latency_ms,gender,region");
        assertThat(lines).hasSize(501);
        String[] first = lines.get(1).split(",");
        double probability = Double.parseDouble(first[3]);
        assertThat(probability).isBetween(0.0, 1.0);
        assertThat(first[2]).isEqualTo(probability >= 0.5 ? "1" : "0");
        assertThat(Double.parseDouble(first[4])).isPositive();
    }

    @Test
    public void shouldRefuseAFileWithoutTheFeatureColumnsInOneLine() throws Exception {
        Files.writeString(project.resolve("wrong.csv"), "id,age\n1,40\n");
        Process process = new ProcessBuilder(python.toString(), "predict.py", "--model", "champion", "--data",
                "wrong.csv", "--out", "out.csv").directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isNotZero();
        assertThat(output.strip()).startsWith("predict.py: wrong.csv, row 1: missing column(s) years_employed").hasLineCount(1);
        assertThat(project.resolve("out.csv")).doesNotExist();
    }

    /** A generated CSV held in memory (it is small and has no quoted fields). */
    private record Table(List<String> header, List<String[]> rows0) {
        static Table read(final Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(",", -1)));
            return new Table(List.of(lines.get(0).split(",")), rows);
        }

        int rows() {
            return rows0.size();
        }

        private double[] numbers(final String column) {
            int i = header.indexOf(column);
            return rows0.stream().map(row -> row[i]).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble).toArray();
        }

        double mean(final String column) {
            return Arrays.stream(numbers(column)).average().orElseThrow();
        }

        double median(final String column) {
            double[] values = numbers(column);
            Arrays.sort(values);
            return values[values.length / 2];
        }

        double share(final String column, final String value) {
            int i = header.indexOf(column);
            return rows0.stream().filter(row -> row[i].equals(value)).count() / (double) rows0.size();
        }
    }
}
