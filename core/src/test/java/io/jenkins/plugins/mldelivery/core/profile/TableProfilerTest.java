package io.jenkins.plugins.mldelivery.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.CsvTable;
import io.jenkins.plugins.mldelivery.core.testing.ExternalTools;
import io.jenkins.plugins.mldelivery.core.testing.SyntheticTable;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

public class TableProfilerTest {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();
    private static Path file;

    @BeforeClass
    public static void writeTable() throws IOException {
        file = folder.getRoot().toPath().resolve("synthetic.csv");
        SyntheticTable.write(file, 3_000_000, 7, 0);
    }

    private static DatasetProfile profile(final int chunkBytes, final int threads) {
        CsvTable table = CsvTable.open(file, CsvFormat.defaults(), chunkBytes);
        return TableProfiler.profile(table, table.inferTypes(), threads);
    }

    @Test
    public void shouldGiveTheSameProfileBitForBitOnEveryRunAndWithOneOrTwoThreads() {
        String once = ResultJson.toJson(profile(256 * 1024, 1));

        assertThat(ResultJson.toJson(profile(256 * 1024, 2))).isEqualTo(once);
        assertThat(ResultJson.toJson(profile(256 * 1024, 2))).isEqualTo(once);
        assertThat(ResultJson.toJson(profile(256 * 1024, 1))).isEqualTo(once);
    }

    @Test
    public void shouldAgreeWithPandasOnCountsMomentsAndExtremes() throws Exception {
        JsonNode pandas = pandasReference();
        DatasetProfile profile = profile(256 * 1024, 2);

        assertThat(profile.columnNames()).hasSize(20);
        for (ColumnProfile column : profile.columns()) {
            JsonNode expected = pandas.get(column.name());
            assertThat(column.count()).as(column.name()).isEqualTo(expected.get("count").asLong());
            assertThat(column.missing()).as(column.name()).isEqualTo(expected.get("missing").asLong());
            if (column.numeric() != null) {
                Moments moments = column.numeric().moments();
                double mean = expected.get("mean").asDouble();
                double variance = expected.get("var").asDouble();
                assertThat(moments.mean()).as(column.name()).isCloseTo(mean, within(Math.abs(mean) * 1e-12 + 1e-12));
                assertThat(moments.variance()).as(column.name()).isCloseTo(variance, within(variance * 1e-9));
                assertThat(moments.min()).as(column.name()).isEqualTo(expected.get("min").asDouble());
                assertThat(moments.max()).as(column.name()).isEqualTo(expected.get("max").asDouble());
                double median = expected.get("median").asDouble();
                QuantileSketch sketch = column.numeric().quantiles();
                double error = sketch.normalizedRankError() + 1.0 / column.count();
                // with ties the median's rank is a range: values below it have rank < 0.5 <= rank at it
                assertThat(sketch.rank(Math.nextDown(median))).as(column.name()).isLessThanOrEqualTo(0.5 + error);
                assertThat(sketch.rank(median)).as(column.name()).isGreaterThanOrEqualTo(0.5 - error);
            }
            else {
                Map<String, Long> counts = column.categories().counts();
                assertThat(counts.get(expected.get("top").asText())).as(column.name()).isEqualTo(expected.get("topCount").asLong());
            }
            long distinct = expected.get("nunique").asLong();
            if (column.distinct().isExact()) {
                assertThat(column.distinct().estimate()).as(column.name()).isEqualTo(distinct);
            }
            else {
                assertThat(distinct).as(column.name()).isBetween((long) column.distinct().lowerBound(), (long) Math.ceil(column.distinct().upperBound()));
            }
        }
        assertThat(profile.column("signup_date").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(profile.column("is_active").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(profile.column("product").orElseThrow().type()).isEqualTo(ColumnType.STRING);
    }

    private static JsonNode pandasReference() throws Exception {
        Path python = ExternalTools.python();
        Path script = ExternalTools.repositoryRoot()
                .resolve("core/src/test/resources/io/jenkins/plugins/mldelivery/core/profile/pandas_profile.py");
        Process process = new ProcessBuilder(python.toString(), script.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return ResultJson.mapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    @Test
    public void shouldProfileTheSameCountsWhateverTheChunkSize() {
        DatasetProfile small = profile(64 * 1024, 2);
        DatasetProfile whole = profile(CsvTable.DEFAULT_CHUNK_BYTES, 1);

        for (String name : List.of("id", "income", "segment", "utilization", "age")) {
            ColumnProfile a = small.column(name).orElseThrow();
            ColumnProfile b = whole.column(name).orElseThrow();
            assertThat(a.count()).isEqualTo(b.count());
            assertThat(a.missing()).isEqualTo(b.missing());
            assertThat(a.numeric() == null ? null : a.numeric().moments().min())
                    .isEqualTo(b.numeric() == null ? null : b.numeric().moments().min());
            assertThat(a.categories() == null ? null : a.categories().counts())
                    .isEqualTo(b.categories() == null ? null : b.categories().counts());
        }
        // the city column has more distinct values than are counted exactly: estimates agree within the sketch's error
        CategoryCounts smallCities = small.column("city").orElseThrow().categories();
        CategoryCounts wholeCities = whole.column("city").orElseThrow().categories();
        assertThat(smallCities.isExact()).isFalse();
        for (CategoryCounts.Frequency frequency : wholeCities.frequentItems().subList(0, 10)) {
            long other = smallCities.counts().getOrDefault(frequency.value(), 0L);
            assertThat((double) other).as(frequency.value()).isCloseTo(frequency.count(),
                    within((double) smallCities.maximumError() + wholeCities.maximumError()));
        }
    }
}
