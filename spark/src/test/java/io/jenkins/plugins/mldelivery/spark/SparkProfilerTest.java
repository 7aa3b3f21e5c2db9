package io.jenkins.plugins.mldelivery.spark;

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.drift.DriftPolicy;
import io.jenkins.plugins.mldelivery.core.drift.DriftReport;
import io.jenkins.plugins.mldelivery.core.drift.ProfileDrift;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.validation.ParquetDataTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark in local mode inside the test JVM: the profile Spark computes over 1, 2 and 7 partitions
 * equals the single-machine profile of the same Parquet files (exact where exact, within the
 * sketches' error where sketched) and gives the same drift verdicts against a reference.
 */
public class SparkProfilerTest {
    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static SparkSession spark;
    private static Path reference;
    private static Path batch;
    private static Path shifted;

    @BeforeClass
    public static void startSpark() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("ml-delivery-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        reference = write("reference", 1, 0);
        batch = write("batch", 2, 0);
        shifted = write("shifted", 3, 1.0);
    }

    @AfterClass
    public static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Writes 30,000 seeded rows of mixed types as Parquet with Spark's own writer (int96 timestamps, as Spark writes them). */
    private static Path write(final String name, final int seed, final double shift) throws Exception {
        Path dir = FOLDER.getRoot().toPath().resolve(name);
        spark.range(30_000).selectExpr(
                "id",
                "cast(18 + rand(" + seed + ") * 70 as int) as age",
                String.format("case when rand(%d) < 0.05 then null else exp(10.5 + randn(%d) * 0.6) * (1 + %f * 0.6) end as income",
                        seed + 10, seed + 20, shift),
                String.format("600 + %f * 80 + randn(%d) * 80 as score", shift, seed + 30),
                "element_at(array('retail', 'premium', 'student', 'business'), 1 + cast(rand(" + (seed + 40) + ") * 4 as int)) as segment",
                "concat('city-', cast(rand(" + (seed + 50) + ") * 3000 as int)) as city",
                "rand(" + (seed + 60) + ") < 0.7 as active",
                "timestamp_seconds(1577836800 + cast(rand(" + (seed + 70) + ") * 126144000 as bigint)) as signup",
                "date_add(date'1950-01-01', cast(rand(" + (seed + 80) + ") * 20000 as int)) as birth",
                "cast(rand(" + (seed + 90) + ") * 1000 as decimal(10, 2)) as rate")
                .coalesce(1).write().parquet(dir.toString());
        return dir;
    }

    private static DatasetProfile single(final Path dir) {
        return DataProfiling.profile(dir, CsvFormat.defaults(), Map.of(), 2);
    }

    private static DatasetProfile onSpark(final Path dir, final int partitions) {
        // a shuffle delivers a partition's rows in any order: sorted within partitions, the input is the same run after run
        Dataset<Row> rows = spark.read().parquet(dir.toString()).repartition(partitions, col("id")).sortWithinPartitions("id");
        assertThat(rows.javaRDD().getNumPartitions()).isEqualTo(partitions);
        return SparkProfiler.profile(rows);
    }

    @Test
    public void shouldProfileAsOneMachineDoesWithAnyPartitioning() {
        DatasetProfile expected = single(batch);

        for (int partitions : List.of(1, 2, 7)) {
            ParquetDataTest.assertSameProfile(onSpark(batch, partitions), expected);
        }
    }

    @Test
    public void shouldGiveTheSameDriftVerdictsAsOneMachine() {
        DatasetProfile ref = single(reference);
        for (Path data : List.of(batch, shifted)) {
            DriftReport expected = ProfileDrift.compare(ref, single(data), DriftPolicy.defaults());
            for (int partitions : List.of(1, 2, 7)) {
                DriftReport actual = ProfileDrift.compare(ref, onSpark(data, partitions), DriftPolicy.defaults());
                assertThat(actual.columns()).extracting(ColumnDrift::name, ColumnDrift::drifted).as(data + " in " + partitions)
                        .isEqualTo(expected.columns().stream()
                                .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.drifted())).toList());
                assertThat(actual.datasetDrift()).isEqualTo(expected.datasetDrift());
            }
        }
        DriftReport shiftedReport = ProfileDrift.compare(ref, onSpark(shifted, 7), DriftPolicy.defaults());
        assertThat(shiftedReport.column("score").orElseThrow().drifted()).isTrue();
        assertThat(shiftedReport.column("income").orElseThrow().drifted()).isTrue();
        assertThat(shiftedReport.column("segment").orElseThrow().drifted()).isFalse();
    }

    @Test
    public void shouldGiveTheSameProfileBitForBitForTheSamePartitioning() {
        assertThat(onSpark(batch, 7)).isEqualTo(onSpark(batch, 7));
    }

    @Test
    public void shouldWriteTheProfileFromTheJob() throws Exception {
        Path out = FOLDER.getRoot().toPath().resolve("job-profile.json");

        DatasetProfile written = ProfileJob.run(spark, batch.toString(), "parquet", out);

        assertThat(DatasetProfile.read(out)).isEqualTo(written);
        assertThat(written.rows()).isEqualTo(30_000);
    }
}
