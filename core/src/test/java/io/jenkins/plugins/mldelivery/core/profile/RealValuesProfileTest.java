package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Timing;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.validation.DataValidation;
import io.jenkins.plugins.mldelivery.core.validation.ValidationRequest;
import io.jenkins.plugins.mldelivery.core.validation.ValidationResult;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Values people really have in numeric columns: infinities, many distinct keys, nothing at all. */
public class RealValuesProfileTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String ratios(final int rows, final boolean withInfinities) {
        StringBuilder csv = new StringBuilder("ratio\n");
        for (int i = 0; i < rows; i++) {
            String value = Double.toString((i % 50) / 10.0);
            if (withInfinities && i % 100 == 7) {
                value = "inf";
            }
            if (withInfinities && i % 100 == 8) {
                value = "-inf";
            }
            csv.append(value).append('\n');
        }
        return csv.toString();
    }

    @Test
    public void shouldCountInfinitiesApartAndSummariseTheFiniteValues() throws IOException {
        Path data = write("data.csv", ratios(1_000, true));

        DatasetProfile profile = DataProfiling.profile(data, CsvFormat.defaults(), Map.of(), 1);

        ColumnProfile ratio = profile.column("ratio").orElseThrow();
        assertThat(ratio.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(ratio.nonFinite()).isEqualTo(20);
        assertThat(ratio.nonFiniteRate()).isEqualTo(0.02);
        assertThat(ratio.count()).isEqualTo(980);
        assertThat(ratio.numeric().moments().min()).isEqualTo(0.0);
        assertThat(ratio.numeric().moments().max()).isEqualTo(4.9);
        // 1,000 values of mean 2.45 less ten 0.7 and ten 0.8 replaced by infinities
        assertThat(ratio.numeric().moments().mean()).isCloseTo((2450 - 7 - 8) / 980.0, within(1e-12));
        String json = ResultJson.toJson(profile);
        assertThat(json).doesNotContain("NaN", "Infinity").contains("\"nonFinite\" : 20", "\"nonFiniteRate\" : 0.02");
        assertThat(ProfileResult.of(Timing.since(Instant.now(), Clock.systemUTC()), profile).summary())
                .contains("ratio (decimal): 0.0% missing, 2.0% infinite (left out of the statistics), 50 distinct");
    }

    @Test
    public void shouldCompareTheFiniteValuesForDriftWhenEitherSideHoldsInfinities() throws IOException {
        Path reference = write("reference.csv", ratios(1_000, false));
        Path current = write("current.csv", ratios(1_000, true));

        ValidationResult result = DataValidation.run(ValidationRequest.of(current).withReference(reference).withThreads(1),
                Clock.systemUTC());

        ColumnDrift ratio = result.drift().column("ratio").orElseThrow();
        assertThat(ratio.compared()).isTrue();
        assertThat(ratio.drifted()).isFalse();
    }

    @Test
    public void shouldWriteStatisticsOfNoValuesAsNullAndReadThemBackAsNaN() throws IOException {
        Path data = write("empty.csv", "amount,id\nNA,1\n,2\n");
        Path file = folder.getRoot().toPath().resolve("profile.json");

        DatasetProfile profile = DataProfiling.profile(data, CsvFormat.defaults(), Map.of("amount", ColumnType.DECIMAL), 1);
        profile.write(file);

        String json = Files.readString(file);
        assertThat(json).doesNotContain("NaN", "Infinity").contains("\"mean\" : null");
        Moments read = DatasetProfile.read(file).column("amount").orElseThrow().numeric().moments();
        assertThat(read.count()).isZero();
        assertThat(read.mean()).isNaN();
        assertThat(read.min()).isNaN();
    }

    @Test
    public void shouldSayAboutForAnEstimatedDistinctCountAndCountExactlyBelowTheLimit() throws IOException {
        StringBuilder csv = new StringBuilder("id,segment\n");
        for (int i = 0; i < 24_000; i++) {
            csv.append("key-").append(i).append(',').append(i % 7).append('\n');
        }
        DatasetProfile profile = DataProfiling.profile(write("keys.csv", csv.toString()), CsvFormat.defaults(), Map.of(), 1);

        String summary = ProfileResult.of(Timing.since(Instant.now(), Clock.systemUTC()), profile).summary();

        assertThat(summary).contains("id (string): 0.0% missing, about 24,000 distinct", "segment (integer): 0.0% missing, 7 distinct");
    }
}
