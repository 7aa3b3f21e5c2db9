package io.jenkins.plugins.mldelivery.core.profile;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.result.InputIdentity;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class DatasetProfileJsonTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    static DatasetProfile sampleProfile() {
        SplittableRandom random = new SplittableRandom(42);
        int rows = 30_000;
        ColumnProfiler income = new ColumnProfiler("income", ColumnType.DECIMAL, 1);
        ColumnProfiler age = new ColumnProfiler("age", ColumnType.INTEGER, 2);
        ColumnProfiler city = new ColumnProfiler("city", ColumnType.STRING, 3);
        ColumnProfiler owner = new ColumnProfiler("owner", ColumnType.BOOLEAN, 4);
        ColumnProfiler small = new ColumnProfiler("small", ColumnType.DECIMAL, 5);
        ColumnProfiler empty = new ColumnProfiler("empty", ColumnType.DATETIME, 6);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                income.addMissing(1);
            }
            else {
                income.add(Math.exp(10 + random.nextGaussian()));
            }
            age.add(18 + random.nextInt(70));
            city.add(random.nextInt(4) == 0 ? "Lyon" : "town-" + random.nextInt(50_000));
            owner.add(random.nextBoolean() ? "true" : "false");
            if (i < 300) {
                small.add(random.nextGaussian());
            }
            else {
                small.addMissing(1);
            }
            empty.addMissing(1);
        }
        return DatasetProfile.of(new InputIdentity("data.csv", 123, "ab".repeat(32)), rows,
                List.of(income.build(), age.build(), city.build(), owner.build(), small.build(), empty.build()));
    }

    @Test
    public void shouldReadBackExactlyWhatItWrote() {
        DatasetProfile profile = sampleProfile();
        Path file = folder.getRoot().toPath().resolve("profile.json");

        profile.write(file);
        DatasetProfile read = DatasetProfile.read(file);

        assertThat(read).isEqualTo(profile);
        assertThat(ResultJson.toJson(read)).isEqualTo(ResultJson.toJson(profile));
    }

    @Test
    public void shouldKeepTheAnswersOfEverySketchAcrossARoundTrip() {
        DatasetProfile profile = sampleProfile();
        DatasetProfile read = ResultJson.mapper().convertValue(
                ResultJson.mapper().valueToTree(profile), DatasetProfile.class);

        ColumnProfile income = read.column("income").orElseThrow();
        ColumnProfile original = profile.column("income").orElseThrow();
        assertThat(income.numeric().quantile(0.9)).isEqualTo(original.numeric().quantile(0.9));
        assertThat(income.numeric().moments()).isEqualTo(original.numeric().moments());
        assertThat(income.distinct().estimate()).isEqualTo(original.distinct().estimate());
        assertThat(read.column("city").orElseThrow().categories().frequentItems())
                .isEqualTo(profile.column("city").orElseThrow().categories().frequentItems());
        assertThat(read.column("small").orElseThrow().numeric().exactValues())
                .isEqualTo(profile.column("small").orElseThrow().numeric().exactValues());
        assertThat(read.column("empty").orElseThrow().count()).isZero();
    }

    @Test
    public void shouldStateEveryApproximationsErrorInTheJson() {
        String json = ResultJson.toJson(sampleProfile());

        assertThat(json).contains("\"normalizedRankError\" : 0.013", "\"maximumError\"", "\"lowerBound\"", "\"upperBound\"",
                "\"format\" : \"ml-delivery-profile/1\"");
    }

    @Test
    public void shouldNameTheFileWhenAProfileIsMalformed() throws IOException {
        Path file = folder.getRoot().toPath().resolve("broken.json");
        Files.writeString(file, "{\"format\": \"something-else\", \"rows\": 1, \"columns\": []}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DatasetProfile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not an ML Delivery profile");
    }

    @Test
    public void shouldMergeTheProfilesOfTwoHalvesOfATable() {
        DatasetProfile profile = sampleProfile();

        DatasetProfile doubled = profile.merge(profile);

        assertThat(doubled.rows()).isEqualTo(60_000);
        assertThat(doubled.column("age").orElseThrow().count()).isEqualTo(60_000);
        assertThat(doubled.column("small").orElseThrow().numeric().exactValues().count()).isEqualTo(600);
        assertThat(doubled.column("owner").orElseThrow().categories().counts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(60_000);
    }
}
