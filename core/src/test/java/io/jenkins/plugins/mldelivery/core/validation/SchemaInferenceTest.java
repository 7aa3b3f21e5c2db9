package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * An inferred schema is a starting point people commit: it must accept fresh samples of the same
 * data and still catch the breaks schemas exist for.
 */
public class SchemaInferenceTest {
    private static final int ROWS = 5_000;
    private static final String[] SEGMENTS = {"retail", "premium", "business", "student", "senior"};
    private static final double[] SEGMENT_SHARES = {0.4, 0.25, 0.15, 0.12, 0.08};

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static Path schema;

    /** One generated row, as its fields, so that a test can break it. */
    private record Row(List<String> names, List<String> values) {
    }

    /**
     * The generator: a sequential key, a normal, a log-normal, a uniform on [0, 1), Poisson counts,
     * a rating from a closed set 1..5, five categories, and a normal column with 3 % missing.
     */
    private static List<Row> sample(final long seed) {
        Random random = new Random(seed);
        List<String> names = List.of("id", "score", "income", "ratio", "visits", "rating", "segment", "tenure");
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            List<String> values = new ArrayList<>(names.size());
            values.add(Long.toString(seed * 1_000_000 + i));
            values.add(format(random.nextGaussian() * 15));
            values.add(format(Math.exp(10 + 0.8 * random.nextGaussian())));
            values.add(format(random.nextDouble()));
            values.add(Integer.toString(poisson(random, 4)));
            values.add(Integer.toString(1 + random.nextInt(5)));
            values.add(SEGMENTS[pick(random, SEGMENT_SHARES)]);
            double tenure = random.nextGaussian() * 3 + 8;
            values.add(random.nextDouble() < 0.03 ? "" : format(tenure));
            rows.add(new Row(names, values));
        }
        return rows;
    }

    private static String format(final double value) {
        return Double.toString(Math.round(value * 1e4) / 1e4); // String.format would be most of the test's time
    }

    /** Knuth's multiplication method: fine for a small mean. */
    private static int poisson(final Random random, final double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int pick(final Random random, final double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private static Path write(final String name, final List<Row> rows) throws IOException {
        Path file = FOLDER.getRoot().toPath().resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", rows.get(0).names()));
            out.write('\n');
            for (Row row : rows) {
                out.write(String.join(",", row.values()));
                out.write('\n');
            }
        }
        return file;
    }

    private static ValidationResult validate(final Path data) {
        return DataValidation.run(ValidationRequest.of(data).withSchema(schema).withThreads(1), Clock.systemUTC());
    }

    @BeforeClass
    public static void inferFromOneSample() throws IOException {
        Path reference = write("reference.csv", sample(0));
        schema = FOLDER.getRoot().toPath().resolve("schema.json");
        SchemaInference.infer(DataProfiling.profile(reference, CsvFormat.defaults(), Map.of(), 1)).write(schema);
    }

    @Test
    public void shouldAcceptAtLeast99Of100FreshSamplesOfTheSameGenerator() throws IOException {
        int accepted = 0;
        List<String> refusals = new ArrayList<>();
        for (long seed = 1; seed <= 100; seed++) {
            ValidationResult result = validate(write("fresh.csv", sample(seed)));
            if (result.violations().isEmpty()) {
                accepted++;
            }
            else if (refusals.size() < 3) {
                refusals.add("seed " + seed + ": " + result.violations());
            }
        }
        assertThat(accepted).as("fresh samples accepted; the first refused: %s", refusals).isGreaterThanOrEqualTo(99);
    }

    @Test
    public void shouldWriteOnlyRulesTheStatisticsSupport() {
        Schema inferred = Schema.read(schema);
        Map<String, ColumnRules> columns = inferred.columns();
        assertThat(columns.get("score").min()).as("a normal column has no range").isNull();
        assertThat(columns.get("score").max()).isNull();
        assertThat(columns.get("income").min()).as("a sign: every income was positive").isEqualTo(0);
        assertThat(columns.get("income").max()).isNull();
        assertThat(columns.get("visits").allowedValues()).as("counts have a tail, not a closed set").isNull();
        assertThat(columns.get("rating").allowedValues()).containsExactly("1", "2", "3", "4", "5");
        assertThat(columns.get("segment").allowedValues()).containsExactly("business", "premium", "retail", "senior", "student");
        assertThat(columns.get("id").isUnique()).isTrue();
        assertThat(columns.get("score").maxMissingRate()).isGreaterThan(0.0).isLessThan(0.01);
        assertThat(columns.get("tenure").maxMissingRate()).isGreaterThan(0.03).isLessThan(0.06);
    }

    /**
     * Reference values from statsmodels 0.15.0 (scripts/python-env):
     * {@code z = 3.29; proportion_confint(x, n, alpha=2 * scipy.stats.norm.sf(z), method='wilson')[1]}.
     */
    @Test
    public void shouldBoundTheMissingRateByWilsonsScoreIntervalAsStatsmodelsDoes() {
        assertThat(SchemaInference.wilsonUpperBound(0, 2000)).isCloseTo(0.00538291738198284, withinPercentage(1e-10));
        assertThat(SchemaInference.wilsonUpperBound(17, 2000)).isCloseTo(0.018382113987810474, withinPercentage(1e-10));
        assertThat(SchemaInference.wilsonUpperBound(150, 5000)).isCloseTo(0.0390084489463226, withinPercentage(1e-10));
        assertThat(SchemaInference.wilsonUpperBound(3, 100)).isCloseTo(0.14625647891678822, withinPercentage(1e-10));
        // plus a batch's fluctuation at that rate, rounded up to two significant digits
        assertThat(SchemaInference.maxMissingRate(0, 2000)).isEqualTo(0.011);
        assertThat(SchemaInference.maxMissingRate(17, 2000)).isEqualTo(0.029);
        assertThat(SchemaInference.maxMissingRate(0, 0)).isEqualTo(1.0);
        assertThat(SchemaInference.maxMissingRate(99, 100)).isEqualTo(1.0);
    }

    @Test
    public void shouldRejectEachInjectedSchemaBreak() throws IOException {
        assertRejected("a fraction in the integer counts", "visits", "type",
                row -> set(row, "visits", "2.5"), 7);
        assertRejected("a rating outside the closed set", "rating", "allowedValues",
                row -> set(row, "rating", "6"), 11);
        assertRejected("a new segment", "segment", "allowedValues",
                row -> set(row, "segment", "vip"), 13);
        assertRejected("a negative income", "income", "min",
                row -> set(row, "income", "-12.5"), 17);
        assertRejected("a key repeated", "id", "unique",
                row -> set(row, "id", "42"), 100);
        assertRejected("a column that never missed now misses 5 %", "score", "maxMissingRate",
                row -> set(row, "score", ""), 20);
        assertRejected("the 3 % missing column now misses 10 %", "tenure", "maxMissingRate",
                row -> set(row, "tenure", ""), 10);

        List<Row> withoutSegment = sample(5).stream().map(row -> drop(row, "segment")).toList();
        assertThat(rules(validate(write("broken.csv", withoutSegment)))).contains("segment:required");
        List<Row> withExtra = sample(5).stream().map(row -> add(row, "extra", "1")).toList();
        assertThat(rules(validate(write("broken.csv", withExtra)))).contains("extra:unexpectedColumn");
    }

    /** Breaks every {@code every}-th row of a fresh sample and expects the schema to reject it for that reason. */
    private void assertRejected(final String what, final String column, final String rule, final UnaryOperator<Row> breaker,
            final int every) throws IOException {
        List<Row> rows = new ArrayList<>(sample(3));
        for (int i = 0; i < rows.size(); i += every) {
            rows.set(i, breaker.apply(rows.get(i)));
        }
        ValidationResult result = validate(write("broken.csv", rows));
        assertThat(result.status()).as(what).isEqualTo(Status.FAILED);
        assertThat(rules(result)).as(what).containsExactly(column + ":" + rule);
    }

    private static List<String> rules(final ValidationResult result) {
        return result.violations().stream().map(v -> v.column() + ":" + v.rule()).toList();
    }

    private static Row set(final Row row, final String column, final String value) {
        List<String> values = new ArrayList<>(row.values());
        values.set(row.names().indexOf(column), value);
        return new Row(row.names(), values);
    }

    private static Row drop(final Row row, final String column) {
        int index = row.names().indexOf(column);
        List<String> names = new ArrayList<>(row.names());
        List<String> values = new ArrayList<>(row.values());
        names.remove(index);
        values.remove(index);
        return new Row(names, values);
    }

    private static Row add(final Row row, final String column, final String value) {
        List<String> names = new ArrayList<>(row.names());
        List<String> values = new ArrayList<>(row.values());
        names.add(column);
        values.add(value);
        return new Row(names, values);
    }
}
