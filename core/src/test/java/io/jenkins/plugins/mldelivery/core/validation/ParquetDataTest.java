package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.CategoryCounts;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.profile.Moments;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.DataTables;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Parquet read with parquet-java gives the profile that the same data as CSV gives, and the
 * validate step sees no drift between the two. The Parquet files are written by pyarrow (another
 * implementation than the one that reads them) from {@code parquet_fixtures.py}, which also writes
 * the CSV copy of the same rows.
 */
public class ParquetDataTest {
    /** The normalised rank error of a KLL sketch with k = 200 at 99% confidence (DataSketches' KllSketch.getNormalizedRankError). */
    private static final double KLL_RANK_ERROR = 0.0133;

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static Path dir;

    @BeforeClass
    public static void writeFixtures() throws Exception {
        dir = FOLDER.newFolder("parquet").toPath();
        Path script = ExternalTools.repositoryRoot()
                .resolve("core/src/test/resources/io/jenkins/plugins/mldelivery/core/table/parquet_fixtures.py");
        Process process = new ProcessBuilder(ExternalTools.python().toString(), script.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static DatasetProfile profile(final String name, final int threads) {
        return DataProfiling.profile(dir.resolve(name), CsvFormat.defaults(), Map.of(), threads);
    }

    @Test
    public void shouldTellParquetJsonLinesAndCsvApartByContent() throws Exception {
        Path disguised = dir.resolve("table.data");
        Files.copy(dir.resolve("table.parquet"), disguised, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(DataTables.formatOf(disguised)).isEqualTo(DataTables.Format.PARQUET);
        assertThat(DataTables.formatOf(dir.resolve("table.csv"))).isEqualTo(DataTables.Format.CSV);
        assertThat(DataTables.formatOf(dir.resolve("dataset"))).isEqualTo(DataTables.Format.PARQUET);
        assertThat(profile("table.data", 1).rows()).isEqualTo(20_000);
    }

    @Test
    public void shouldTakeColumnTypesFromTheParquetSchema() {
        DatasetProfile parquet = profile("table.parquet", 2);

        assertThat(parquet.columns()).extracting(ColumnProfile::type).containsExactly(
                ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.DECIMAL,
                ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.DATETIME,
                ColumnType.DATETIME, ColumnType.INTEGER);
        // timestamp[ms, UTC] from 2020-01-01T00:00:00Z on, date32 from 1950-01-01 on: seconds since the epoch
        assertThat(parquet.column("signup").orElseThrow().numeric().moments().min()).isGreaterThanOrEqualTo(1_577_836_800.0);
        assertThat(parquet.column("birth").orElseThrow().numeric().moments().min()).isGreaterThanOrEqualTo(-631_152_000.0);
        assertThat(parquet.column("small").orElseThrow().numeric().moments().max()).isLessThan(200.0);
    }

    @Test
    public void shouldProfileParquetAsTheSameDataInCsv() {
        DatasetProfile csv = profile("table.csv", 2);
        DatasetProfile parquet = profile("table.parquet", 2);

        assertSameProfile(parquet, csv);
    }

    @Test
    public void shouldGiveTheSameProfileBitForBitWithAnyThreadCount() {
        DatasetProfile one = profile("table.parquet", 1);
        DatasetProfile two = profile("table.parquet", 2);

        assertThat(two.columns()).isEqualTo(one.columns());
    }

    @Test
    public void shouldFindNoDriftBetweenParquetAndTheSameDataAsCsv() {
        ValidationResult result = DataValidation.run(ValidationRequest.of(dir.resolve("table.parquet"))
                .withReference(dir.resolve("table.csv")), Clock.systemUTC());

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.rows()).isEqualTo(20_000);
        assertThat(result.drift().datasetDrift()).isFalse();
        assertThat(result.drift().columns()).noneMatch(ColumnDrift::drifted);
    }

    @Test
    public void shouldFlagDriftOfAShiftedParquetBatch() {
        ValidationResult result = DataValidation.run(ValidationRequest.of(dir.resolve("shifted.parquet"))
                .withReference(dir.resolve("table.parquet")), Clock.systemUTC());

        assertThat(result.drift().driftedColumns()).isEqualTo(2);
        assertThat(result.drift().column("score").orElseThrow().drifted()).isTrue();
        assertThat(result.drift().column("income").orElseThrow().drifted()).isTrue();
        assertThat(result.drift().column("segment").orElseThrow().drifted()).isFalse();
    }

    @Test
    public void shouldReadAHivePartitionedDirectoryWithItsPartitionColumn() {
        DatasetProfile csv = profile("table.csv", 2);
        DatasetProfile dataset = profile("dataset", 2);

        assertThat(dataset.rows()).isEqualTo(20_000);
        assertThat(dataset.columnNames()).endsWith("region");
        ColumnProfile region = dataset.column("region").orElseThrow();
        assertThat(region.type()).isEqualTo(ColumnType.STRING);
        assertThat(region.categories().counts()).isEqualTo(csv.column("region").orElseThrow().categories().counts());
        for (String name : List.of("age", "income", "segment", "active")) {
            ColumnProfile a = dataset.column(name).orElseThrow();
            ColumnProfile b = csv.column(name).orElseThrow();
            assertThat(a.count()).as(name).isEqualTo(b.count());
            assertThat(a.missing()).as(name).isEqualTo(b.missing());
        }
        assertThat(dataset.source().path()).isEqualTo(dir.resolve("dataset").toString());
    }

    @Test
    public void shouldReportNestedColumnsAsNotProfiledByName() {
        DatasetProfile nested = profile("nested.parquet", 1);

        assertThat(nested.columnNames()).containsExactly("id", "amount");
        assertThat(nested.notProfiled()).hasSize(2);
        assertThat(nested.notProfiled().get(0)).startsWith("address (nested");
        assertThat(nested.notProfiled().get(1)).startsWith("tags (nested");
        assertThat(nested.column("amount").orElseThrow().missing()).isEqualTo(1);
    }

    @Test
    public void shouldRefuseATruncatedParquetFileNamingIt() throws Exception {
        byte[] whole = Files.readAllBytes(dir.resolve("table.parquet"));
        Path truncated = dir.resolve("truncated.parquet");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> profile("truncated.parquet", 1)).isInstanceOf(BadInputException.class)
                .hasMessage(truncated + ": a truncated Parquet file: it does not end with the magic bytes PAR1");
    }

    @Test
    public void shouldRefuseAFileNamedParquetWithoutTheMagic() throws Exception {
        Path wrong = dir.resolve("wrong.parquet");
        Files.writeString(wrong, "a,b\n1,2\n");

        assertThatThrownBy(() -> profile("wrong.parquet", 1)).isInstanceOf(BadInputException.class)
                .hasMessage(wrong + ": not a Parquet file: it does not start with the magic bytes PAR1");
    }

    @Test
    public void shouldRefuseACorruptFooterNamingTheFile() throws Exception {
        byte[] whole = Files.readAllBytes(dir.resolve("nested.parquet"));
        for (int i = whole.length - 40; i < whole.length - 8; i++) {
            whole[i] = (byte) 0xFF;
        }
        Path corrupt = dir.resolve("corrupt.parquet");
        Files.write(corrupt, whole);

        assertThatThrownBy(() -> profile("corrupt.parquet", 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(corrupt + ": not a readable Parquet file");
    }

    @Test
    public void shouldRefuseADirectoryWhoseSchemaChangesBetweenFiles() {
        assertThatThrownBy(() -> profile("changed", 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("changed/part-1.parquet") + ", column 'x': the schema changed between "
                        + "the files of the dataset: optional int64 x in " + dir.resolve("changed/part-0.parquet")
                        + ", optional binary x (STRING) here");
    }

    @Test
    public void shouldRefuseAnUnsupportedTypeNamingTheColumn() {
        assertThatThrownBy(() -> profile("unsupported.parquet", 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("unsupported.parquet") + ", column 'opens_at': the Parquet type int64 (TIME(MICROS,")
                .hasMessageContaining("is not supported");
    }

    /** Equal where the profile is exact; within the sketches' stated error where it is sketched. */
    public static void assertSameProfile(final DatasetProfile actual, final DatasetProfile expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
        for (ColumnProfile want : expected.columns()) {
            ColumnProfile got = actual.column(want.name()).orElseThrow();
            String name = want.name();
            assertThat(got.type()).as(name).isEqualTo(want.type());
            assertThat(got.count()).as(name).isEqualTo(want.count());
            assertThat(got.missing()).as(name).isEqualTo(want.missing());
            if (want.numeric() != null) {
                Moments a = got.numeric().moments();
                Moments b = want.numeric().moments();
                assertThat(a.min()).as(name).isEqualTo(b.min());
                assertThat(a.max()).as(name).isEqualTo(b.max());
                // sums in another order: equal to the last few bits
                assertThat(a.mean()).as(name).isCloseTo(b.mean(), within(1e-12 * Math.max(1, Math.abs(b.mean()))));
                assertThat(a.variance()).as(name).isCloseTo(b.variance(), within(1e-9 * Math.max(1, b.variance())));
                for (double p = 0.05; p < 1; p += 0.1) {
                    double q = got.numeric().quantile(p);
                    assertThat(q).as(name + " quantile " + p).isBetween(
                            want.numeric().quantile(Math.max(0, p - 2 * KLL_RANK_ERROR)),
                            want.numeric().quantile(Math.min(1, p + 2 * KLL_RANK_ERROR)));
                }
            }
            CategoryCounts a = got.categories();
            CategoryCounts b = want.categories();
            if (b != null && b.isExact()) {
                assertThat(a.counts()).as(name).isEqualTo(b.counts());
            }
            else if (b != null) {
                for (CategoryCounts.Frequency frequency : b.frequentItems()) {
                    assertThat((double) a.estimate(frequency.value())).as(name + " " + frequency.value())
                            .isCloseTo(frequency.count(), within((double) a.maximumError() + b.maximumError()));
                }
            }
            if (want.distinct().isExact() && got.distinct().isExact()) {
                assertThat(got.distinct().estimate()).as(name).isEqualTo(want.distinct().estimate());
            }
            else if (want.distinct().isExact()) {
                // the same rows in other chunks may be merged as HLL sketches: the exact count lies within the sketch's bounds
                assertThat(want.distinct().estimate()).as(name).isBetween(got.distinct().lowerBound(), got.distinct().upperBound());
            }
            else {
                assertThat(got.distinct().estimate()).as(name).isBetween(want.distinct().lowerBound(), want.distinct().upperBound());
            }
        }
    }
}
