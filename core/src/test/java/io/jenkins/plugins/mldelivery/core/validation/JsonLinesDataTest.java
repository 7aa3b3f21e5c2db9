package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.ColumnProfile;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.table.ColumnType;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.table.DataTables;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON Lines (one flat object per line) is profiled like the same rows written as CSV.
 */
public class JsonLinesDataTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    /** Writes the same seeded rows as JSON Lines and as CSV; a few keys are left out or null, as JSON writers do. */
    private Path[] sameRows(final int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder json = new StringBuilder();
        StringBuilder csv = new StringBuilder("id,amount,segment,active,opened\n");
        String[] segments = {"retail", "premium", "student"};
        for (int i = 0; i < rows; i++) {
            double amount = Math.round(random.nextDouble() * 1e6) / 100.0;
            String segment = segments[random.nextInt(segments.length)];
            boolean active = random.nextBoolean();
            String opened = String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean noAmount = random.nextInt(20) == 0;
            boolean nullSegment = random.nextInt(25) == 0;
            json.append("{\"id\":").append(i);
            if (!noAmount) {
                json.append(",\"amount\":").append(amount);
            }
            json.append(",\"segment\":").append(nullSegment ? "null" : "\"" + segment + "\"")
                    .append(",\"active\":").append(active).append(",\"opened\":\"").append(opened)
                    .append("\",\"extra\":{\"nested\":[1,2]}}\n");
            csv.append(i).append(',').append(noAmount ? "" : Double.toString(amount)).append(',')
                    .append(nullSegment ? "" : segment).append(',').append(active).append(',').append(opened).append('\n');
        }
        Path jsonFile = folder.getRoot().toPath().resolve("rows.jsonl");
        Path csvFile = folder.getRoot().toPath().resolve("rows.csv");
        Files.writeString(jsonFile, json);
        Files.writeString(csvFile, csv);
        return new Path[] {jsonFile, csvFile};
    }

    @Test
    public void shouldProfileJsonLinesAsTheSameRowsInCsv() throws IOException {
        Path[] files = sameRows(150_000); // three chunks of JSON records

        DatasetProfile json = DataProfiling.profile(files[0], CsvFormat.defaults(), Map.of(), 2);
        DatasetProfile csv = DataProfiling.profile(files[1], CsvFormat.defaults(), Map.of(), 2);

        assertThat(DataTables.formatOf(files[0])).isEqualTo(DataTables.Format.JSON_LINES);
        assertThat(json.columns()).extracting(ColumnProfile::type).containsExactly(ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.DATETIME);
        assertThat(json.notProfiled()).containsExactly("extra (nested: a JSON object or array)");
        ParquetDataTest.assertSameProfile(json, csv);
    }

    @Test
    public void shouldFindNoDriftBetweenJsonLinesAndTheSameRowsInCsv() throws IOException {
        Path[] files = sameRows(5_000);

        ValidationResult result = DataValidation.run(ValidationRequest.of(files[0]).withReference(files[1]), Clock.systemUTC());

        assertThat(result.status()).isEqualTo(Status.PASSED);
        assertThat(result.drift().driftedColumns()).isZero();
    }

    @Test
    public void shouldNameTheLineAndKeyOfAValueOfTheWrongType() throws IOException {
        Path file = folder.getRoot().toPath().resolve("bad.jsonl");
        Files.writeString(file, "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n{\"a\":\"three\",\"b\":\"z\"}\n");

        assertThatThrownBy(() -> DataProfiling.profile(file, CsvFormat.defaults(), Map.of("a", ColumnType.INTEGER), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 3, column 'a': expected a number (column type integer), found 'three'");
    }

    @Test
    public void shouldRefuseALineThatIsNotAnObject() throws IOException {
        Path file = folder.getRoot().toPath().resolve("array.jsonl");
        Files.writeString(file, "{\"a\":1}\n[1,2]\n");

        assertThatThrownBy(() -> DataProfiling.profile(file, CsvFormat.defaults(), Map.of(), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ", row 2: expected a JSON object per line, found [");
    }

    @Test
    public void shouldRefuseInvalidJsonNamingTheLine() throws IOException {
        Path file = folder.getRoot().toPath().resolve("broken.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n{\"a\":3\n");

        assertThatThrownBy(() -> DataProfiling.profile(file, CsvFormat.defaults(), Map.of(), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ", row ").hasMessageContaining("not valid JSON");
    }
}
