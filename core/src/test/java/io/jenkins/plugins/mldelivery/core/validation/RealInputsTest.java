package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values people really have: booleans spelled by pandas, infinities, schemas with surprises. */
public class RealInputsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String booleans(final String yes, final String no) {
        StringBuilder csv = new StringBuilder("id,churned\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i).append(',').append(i % 3 == 0 ? yes : no).append('\n');
        }
        return csv.toString();
    }

    @Test
    public void shouldCompareBooleansByValueWhateverTheirSpelling() throws IOException {
        Path reference = write("reference.csv", booleans("true", "false"));
        Path pandas = write("pandas.csv", booleans("True", "False"));
        Path schema = write("schema.json", """
                {"columns": {"id": {"type": "integer"}, "churned": {"type": "boolean", "allowedValues": ["true", "false"]}}}
                """);

        ValidationResult result = DataValidation.run(ValidationRequest.of(pandas).withSchema(schema).withReference(reference)
                .withThreads(1), Clock.systemUTC());

        assertThat(result.violations()).isEmpty();
        ColumnDrift churned = result.drift().column("churned").orElseThrow();
        assertThat(churned.drifted()).isFalse();
        assertThat(churned.effectSize()).isEqualTo(0.0);
        assertThat(result.status()).isEqualTo(Status.PASSED);
    }

    @Test
    public void shouldStillRejectABooleanTheSchemaDoesNotAllow() throws IOException {
        Path data = write("data.csv", booleans("Yes", "No"));
        Path schema = write("schema.json", """
                {"columns": {"id": {"type": "integer"}, "churned": {"type": "boolean", "allowedValues": ["False"]}}}
                """);

        ValidationResult result = DataValidation.run(ValidationRequest.of(data).withSchema(schema).withThreads(1), Clock.systemUTC());

        assertThat(result.violations()).extracting(Violation::column, Violation::rule, Violation::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("churned", "allowedValues", 134L));
    }

    @Test
    public void shouldBreakASignRuleWithMinusInfinitySpelledAsTheDataSpellsIt() throws IOException {
        Path data = write("data.csv", "id,ratio\n1,0.5\n2,-inf\n3,inf\n");
        Path schema = write("schema.json", """
                {"columns": {"id": {"type": "integer"}, "ratio": {"type": "decimal", "min": 0}}}
                """);

        ValidationResult result = DataValidation.run(ValidationRequest.of(data).withSchema(schema).withThreads(1), Clock.systemUTC());

        assertThat(result.violations()).extracting(Violation::rule, Violation::found)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("min", "1 row below, the smallest -inf"));
    }

    @Test
    public void shouldHintAtTheDelimiterWhenAWrongOneLeavesTheHeaderOneColumn() throws IOException {
        Path data = write("export.csv", "name;age\nAnna;34\n");
        Path schema = write("schema.json", """
                {"columns": {"name": {"type": "string"}, "age": {"type": "integer"}}, "allowUnexpectedColumns": true}
                """);

        ValidationResult result = DataValidation.run(ValidationRequest.of(data).withSchema(schema)
                .withFormat(io.jenkins.plugins.mldelivery.core.table.CsvFormat.defaults().withDelimiter(',')), Clock.systemUTC());

        assertThat(result.violations()).extracting(Violation::found).containsOnly("no such column in the header (the header was "
                + "read as one column, 'name;age', which holds a semicolon: is the data semicolon-separated? --delimiter semicolon)");
    }

    @Test
    public void shouldRefuseASchemaThatIsNullRatherThanCheckNothing() throws IOException {
        Path schema = write("schema.json", "null\n");
        Path nullRules = write("rules.json", "{\"columns\": {\"age\": null}}");

        assertThatThrownBy(() -> Schema.read(schema)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(schema + ": the schema is null; expected an object");
        assertThatThrownBy(() -> Schema.read(nullRules)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(nullRules + ":1:").hasMessageEndingWith("column 'age' has null for its rules; "
                        + "write {} for a column with no rules but its presence");
    }

    @Test
    public void shouldNameAKeyWrittenTwiceInASchema() throws IOException {
        Path schema = write("schema.json", """
                {"columns": {
                  "age": {"type": "integer", "min": 0},
                  "age": {"type": "string"}
                }}
                """);

        assertThatThrownBy(() -> Schema.read(schema)).isInstanceOf(BadInputException.class)
                .hasMessage(schema + ":3:8: duplicate key 'age': each key may appear once");
    }
}
