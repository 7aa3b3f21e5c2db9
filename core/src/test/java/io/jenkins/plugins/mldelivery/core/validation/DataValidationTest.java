package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.testing.SyntheticTable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

public class DataValidationTest {
    private static final String DATA = """
            id,age,segment,email,joined
            1,34,retail,a@x.org,2023-01-05
            2,17,premium,b@x.org,2023-02-11
            3,NA,retail,not-an-email,2023-03-01
            4,51,gold,d@x.org,2022-12-31
            2,40,retail,e@x.org,2023-04-01
            6,130,retail,,2023-05-20
            """;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static ValidationResult validate(final ValidationRequest request) {
        return DataValidation.run(request, Clock.systemUTC());
    }

    @Test
    public void shouldReportEveryBrokenRuleWithItsColumnExpectationFindingAndRows() throws IOException {
        Path data = write("data.csv", DATA);
        Path schema = write("schema.json", """
                {
                  "rows": {"min": 10},
                  "columns": {
                    "id": {"type": "integer", "unique": true},
                    "age": {"type": "integer", "min": 18, "max": 120, "maxMissingRate": 0.1},
                    "segment": {"allowedValues": ["retail", "premium"]},
                    "email": {"pattern": "[^@]+@[^@]+", "maxMissingRate": 0.5},
                    "joined": {"type": "datetime", "min": "2023-01-01"},
                    "score": {"type": "decimal"}
                  }
                }
                """);

        ValidationResult result = validate(ValidationRequest.of(data).withSchema(schema));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.violations()).extracting(Violation::column, Violation::rule, Violation::expected, Violation::found,
                Violation::rows).containsExactly(
                tuple("score", "required", "the column to be present", "no such column in the header", List.of(1L)),
                tuple("id", "unique", "every value to be distinct", "1 row repeating an earlier value", List.of(6L)),
                tuple("age", "maxMissingRate", "at most 0.1000", "0.1667 (1 of 6 rows missing)", List.of(4L)),
                tuple("age", "min", ">= 18", "1 row below, the smallest 17", List.of(3L)),
                tuple("age", "max", "<= 120", "1 row above, the largest 130", List.of(7L)),
                tuple("segment", "allowedValues", "one of [retail, premium]", "1 row with other values, e.g. 'gold'", List.of(5L)),
                tuple("email", "pattern", "every value to match [^@]+@[^@]+", "1 row that do not, e.g. 'not-an-email'", List.of(4L)),
                tuple("joined", "min", ">= 2023-01-01T00:00:00Z", "1 row below, the smallest 2022-12-31T00:00:00Z", List.of(5L)),
                tuple(null, "minRows", "at least 10 rows", "6 rows", List.of()));
    }

    @Test
    public void shouldFlagColumnsTheSchemaDoesNotListUnlessAllowed() throws IOException {
        Path data = write("data.csv", DATA);
        Path strict = write("strict.json", "{\"columns\": {\"id\": {}, \"age\": {}, \"segment\": {}}}");
        Path lenient = write("lenient.json", "{\"allowUnexpectedColumns\": true, \"columns\": {\"id\": {}}}");

        assertThat(validate(ValidationRequest.of(data).withSchema(strict)).violations())
                .extracting(Violation::column, Violation::rule).containsExactly(tuple("email", "unexpectedColumn"), tuple("joined", "unexpectedColumn"));
        assertThat(validate(ValidationRequest.of(data).withSchema(lenient)).violations()).isEmpty();
    }

    @Test
    public void shouldFlagFractionsInADeclaredIntegerColumnAsATypeViolation() throws IOException {
        Path data = write("data.csv", "n\n1\n2.5\n3\n");
        Path schema = write("schema.json", "{\"columns\": {\"n\": {\"type\": \"integer\"}}}");

        assertThat(validate(ValidationRequest.of(data).withSchema(schema)).violations())
                .extracting(Violation::rule, Violation::found, Violation::rows)
                .containsExactly(tuple("type", "1 row with a fraction, e.g. 2.5", List.of(3L)));
    }

    @Test
    public void shouldRefuseAWordInAColumnTheSchemaDeclaresNumeric() throws IOException {
        Path data = write("data.csv", "n,s\n1,a\n2,b\nthree,c\n");
        Path schema = write("schema.json", "{\"columns\": {\"n\": {\"type\": \"decimal\"}, \"s\": {}}}");

        assertThatThrownBy(() -> validate(ValidationRequest.of(data).withSchema(schema))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(data + ", row 4, column 'n': expected a number (column type decimal), found 'three'");
    }

    @Test
    public void shouldNameTheFileAndKeyOfATypoInTheSchema() throws IOException {
        Path data = write("data.csv", DATA);
        Path schema = write("schema.json", "{\"columns\": {\"age\": {\"maxMissingRat\": 0.1}}}");

        assertThatThrownBy(() -> validate(ValidationRequest.of(data).withSchema(schema))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(schema + ":1:").hasMessageContaining("unknown key 'maxMissingRat'")
                .hasMessageContaining("maxMissingRate");
    }

    @Test
    public void shouldFindRepeatsAcrossChunksOnTheSameRowsWithOneOrTwoThreads() throws IOException {
        StringBuilder csv = new StringBuilder("key,name\n");
        for (int i = 0; i < 3_000; i++) {
            int key = i % 1_000 == 999 ? i - 500 : i;
            csv.append(key).append(",n").append(key).append('\n');
        }
        Path data = write("data.csv", csv.toString());
        Path schema = write("schema.json", "{\"columns\": {\"key\": {\"unique\": true}, \"name\": {\"unique\": true}}}");

        // keys 499, 1499 and 2499 repeat at the lines of i = 999, 1999, 2999, that is rows 1001, 2001, 3001
        for (int threads : new int[] {1, 2}) {
            ValidationResult result = validate(ValidationRequest.of(data).withSchema(schema).withThreads(threads));
            assertThat(result.violations()).extracting(Violation::column, Violation::count, Violation::rows).containsExactly(
                    tuple("key", 3L, List.of(1001L, 2001L, 3001L)), tuple("name", 3L, List.of(1001L, 2001L, 3001L)));
        }
    }

    @Test
    public void shouldPassDataAgainstTheSchemaInferredFromItself() throws IOException {
        Path data = folder.getRoot().toPath().resolve("synthetic.csv");
        SyntheticTable.write(data, 1_500_000, 3, 0);
        DatasetProfile profile = DataProfiling.profile(data, CsvFormat.defaults(), Map.of(), 2);
        Path schema = folder.getRoot().toPath().resolve("schema.json");
        SchemaInference.infer(profile).write(schema);

        ValidationResult result = validate(ValidationRequest.of(data).withSchema(schema));

        assertThat(result.violations()).isEmpty();
        Schema inferred = Schema.read(schema);
        assertThat(inferred.columns().get("id").isUnique()).isTrue();
        assertThat(inferred.columns().get("segment").allowedValues()).containsExactly("business", "premium", "retail", "senior", "student");
        assertThat(inferred.columns().get("utilization").maxMissingRate()).isGreaterThan(profile.column("utilization").orElseThrow().missingRate());
    }

    @Test
    public void shouldFindDriftAgainstAShiftedReferenceButNotAgainstItsOwnDistribution() throws IOException {
        Path reference = folder.getRoot().toPath().resolve("reference.csv");
        Path same = folder.getRoot().toPath().resolve("same.csv");
        Path shifted = folder.getRoot().toPath().resolve("shifted.csv");
        SyntheticTable.write(reference, 1_000_000, 1, 0);
        SyntheticTable.write(same, 1_000_000, 2, 0);
        SyntheticTable.write(shifted, 1_000_000, 2, 1.0);

        ValidationResult calm = validate(ValidationRequest.of(same).withReference(reference));
        ValidationResult drifted = validate(ValidationRequest.of(shifted).withReference(reference));

        assertThat(calm.drift().datasetDrift()).isFalse();
        assertThat(calm.drift().column("income").orElseThrow().drifted()).isFalse();
        assertThat(drifted.drift().column("income").orElseThrow().drifted()).isTrue();
        assertThat(drifted.drift().column("balance").orElseThrow().drifted()).isTrue();
        assertThat(drifted.drift().column("age").orElseThrow().drifted()).isFalse();
    }

    @Test
    public void shouldGiveTheSameDriftFromASavedReferenceProfileAsFromTheReferenceCsv() throws IOException {
        Path reference = folder.getRoot().toPath().resolve("reference.csv");
        Path batch = folder.getRoot().toPath().resolve("batch.csv");
        SyntheticTable.write(reference, 800_000, 5, 0);
        SyntheticTable.write(batch, 800_000, 6, 0.3);
        Path profile = folder.getRoot().toPath().resolve("reference-profile.json");
        DataProfiling.profile(reference, CsvFormat.defaults(), Map.of(), 2).write(profile);

        ValidationResult fromCsv = validate(ValidationRequest.of(batch).withReference(reference));
        ValidationResult fromProfile = validate(ValidationRequest.of(batch).withReference(profile));

        assertThat(ResultJson.toJson(fromProfile.drift())).isEqualTo(ResultJson.toJson(fromCsv.drift()));
        assertThat(fromProfile.inputs().get(1).path()).isEqualTo(profile.toString());
    }

    @Test
    public void shouldGiveTheSameResultWithOneOrTwoThreads() throws IOException {
        Path reference = folder.getRoot().toPath().resolve("reference.csv");
        Path batch = folder.getRoot().toPath().resolve("batch.csv");
        SyntheticTable.write(reference, 600_000, 8, 0);
        SyntheticTable.write(batch, 600_000, 9, 0.2);

        ValidationResult one = validate(ValidationRequest.of(batch).withReference(reference).withThreads(1));
        ValidationResult two = validate(ValidationRequest.of(batch).withReference(reference).withThreads(2));

        assertThat(ResultJson.toJson(two.drift())).isEqualTo(ResultJson.toJson(one.drift()));
        assertThat(two.inputs()).isEqualTo(one.inputs());
    }
}
