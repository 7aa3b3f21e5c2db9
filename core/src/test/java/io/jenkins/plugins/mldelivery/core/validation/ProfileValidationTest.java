package io.jenkins.plugins.mldelivery.core.validation;

import io.jenkins.plugins.mldelivery.core.drift.ColumnDrift;
import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import io.jenkins.plugins.mldelivery.core.profile.DataProfiling;
import io.jenkins.plugins.mldelivery.core.result.Status;
import io.jenkins.plugins.mldelivery.core.table.CsvFormat;
import io.jenkins.plugins.mldelivery.core.testing.SyntheticTable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Validating a saved profile of the current data gives the verdicts that validating the data gives,
 * for drift and for every schema rule a profile can decide; the rules it cannot decide are refused.
 */
public class ProfileValidationTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path file(final String name) {
        return folder.getRoot().toPath().resolve(name);
    }

    private Path profileOf(final Path data) {
        Path profile = file(data.getFileName() + ".profile.json");
        DataProfiling.profile(data, CsvFormat.defaults(), Map.of(), 2).write(profile);
        return profile;
    }

    @Test
    public void shouldJudgeDriftFromTwoProfilesAsFromTheData() throws IOException {
        Path reference = file("reference.csv");
        Path shifted = file("shifted.csv");
        SyntheticTable.write(reference, 2_000_000, 1, 0);
        SyntheticTable.write(shifted, 2_000_000, 2, 0.5);

        ValidationResult fromData = DataValidation.run(ValidationRequest.of(shifted).withReference(profileOf(reference)),
                Clock.systemUTC());
        ValidationResult fromProfile = ProfileValidation.run(ValidationRequest.of(profileOf(shifted))
                .withReference(profileOf(reference)), Clock.systemUTC());

        assertThat(fromProfile.status()).isEqualTo(fromData.status()).isNotEqualTo(Status.PASSED);
        assertThat(fromProfile.drift().driftedColumns()).isPositive();
        assertThat(fromProfile.rows()).isEqualTo(fromData.rows());
        assertThat(fromProfile.drift().datasetDrift()).isEqualTo(fromData.drift().datasetDrift());
        assertThat(fromProfile.drift().columns()).extracting(ColumnDrift::name, ColumnDrift::drifted)
                .isEqualTo(fromData.drift().columns().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.drifted()))
                        .toList());
    }

    @Test
    public void shouldDecideTheSchemaRulesAProfileHolds() throws IOException {
        Path data = file("data.csv");
        Files.writeString(data, "id,age,segment,code,extra\n1,30,retail,AB1,x\n2,12,retail,AB2,y\n2,,vip,zz,z\n4,40,student,AB4,w\n");
        Path schema = file("schema.json");
        Files.writeString(schema, """
                {"rows": {"min": 5}, "columns": {
                  "id": {"unique": true},
                  "age": {"min": 18, "max": 99, "maxMissingRate": 0.1},
                  "segment": {"allowedValues": ["retail", "student"]},
                  "code": {"pattern": "AB[0-9]"},
                  "score": {"required": true}}}
                """);

        ValidationResult fromData = DataValidation.run(ValidationRequest.of(data).withSchema(schema), Clock.systemUTC());
        ValidationResult fromProfile = ProfileValidation.run(ValidationRequest.of(profileOf(data)).withSchema(schema),
                Clock.systemUTC());

        assertThat(fromProfile.violations()).extracting(Violation::column, Violation::rule, Violation::count)
                .containsExactlyInAnyOrderElementsOf(fromData.violations().stream()
                        .map(v -> org.assertj.core.groups.Tuple.tuple(v.column(), v.rule(),
                                v.rule().equals("min") || v.rule().equals("max") ? 0L : v.count())).toList());
        assertThat(fromProfile.violations()).extracting(Violation::rule).contains("unique", "min", "maxMissingRate",
                "allowedValues", "pattern", "required", "unexpectedColumn", "minRows");
        assertThat(fromProfile.status()).isEqualTo(Status.FAILED);
    }

    @Test
    public void shouldRefuseARuleThatNeedsTheRows() throws IOException {
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i < 3_000; i++) {
            rows.append("customer-").append(i).append('\n');
        }
        Path data = file("names.csv");
        Files.writeString(data, rows);
        Path schema = file("schema.json");
        Files.writeString(schema, "{\"columns\": {\"name\": {\"pattern\": \"customer-[0-9]+\"}}}");
        Path profile = profileOf(data);

        assertThatThrownBy(() -> ProfileValidation.run(ValidationRequest.of(profile).withSchema(schema), Clock.systemUTC()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(schema + ", column 'name': the rule 'pattern' cannot be decided from a profile: the profile counts "
                        + "the column's values only as a sketch (more than 1000 distinct values); validate the data itself "
                        + "(--data) for this rule");
    }
}
