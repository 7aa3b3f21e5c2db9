package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.testing.SyntheticTable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class ValidateCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldDocumentEveryOptionWithAnExample() {
        CommandLineTester.Run run = CommandLineTester.run("validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data", "--reference", "--schema", "--drift-policy", "--json", "--profile-out",
                "--delimiter", "--threads", "Example:", "ml-delivery validate --data batch.csv --reference");
    }

    @Test
    public void shouldPassDataThatMeetsItsSchema() throws IOException {
        Path data = write("data.csv", "id,age\n1,30\n2,40\n");
        Path schema = write("schema.json", "{\"columns\": {\"id\": {\"unique\": true}, \"age\": {\"min\": 18}}}");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", data.toString(), "--schema", schema.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("validate: PASSED - 2 rows, 0 violations");
    }

    @Test
    public void shouldExitWith1AndListTheViolations() throws IOException {
        Path data = write("data.csv", "id,age\n1,30\n1,12\n");
        Path schema = write("schema.json", "{\"columns\": {\"id\": {\"unique\": true}, \"age\": {\"min\": 18}}}");
        Path json = folder.getRoot().toPath().resolve("result.json");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", data.toString(), "--schema", schema.toString(),
                "--json", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("validate: FAILED - 2 rows, 2 violations",
                "column 'id': unique: expected every value to be distinct, found 1 row repeating an earlier value (row 3)",
                "column 'age': min: expected >= 18, found 1 row below, the smallest 12 (row 3)");
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("step").asText()).isEqualTo("validate");
        assertThat(result.get("violations").get(1).get("rows").get(0).asLong()).isEqualTo(3);
        assertThat(result.get("violations").get(1).fieldNames()).toIterable()
                .contains("column", "rule", "expected", "found", "rows");
    }

    @Test
    public void shouldExitWith2NamingTheRowOfARaggedRecordAndWriteNoResult() throws IOException {
        Path data = write("data.csv", "a,b\n1,2\n3,4,5\n");
        Path json = folder.getRoot().toPath().resolve("result.json");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", data.toString(), "--json", json.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("validate: error: " + data
                + ", row 3: expected 2 fields as in the header, found 3 (a ragged row; quote fields that contain the delimiter)");
        assertThat(json).doesNotExist();
    }

    @Test
    public void shouldFailOnDriftOfACriticalColumnAgainstASavedReferenceProfile() throws IOException {
        Path train = folder.getRoot().toPath().resolve("train.csv");
        Path batch = folder.getRoot().toPath().resolve("batch.csv");
        SyntheticTable.write(train, 600_000, 11, 0);
        SyntheticTable.write(batch, 600_000, 12, 1.5);
        Path profile = folder.getRoot().toPath().resolve("train-profile.json");
        assertThat(CommandLineTester.run("profile", "--data", train.toString(), "--out", profile.toString()).exitCode()).isZero();
        Path json = folder.getRoot().toPath().resolve("result.json");
        Path policy = write("policy.yaml", "columns:\n  income: {critical: true}\n");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", batch.toString(), "--reference", profile.toString(),
                "--drift-policy", policy.toString(), "--json", json.toString());

        assertThat(run.out()).contains("validate: FAILED", "dataset drift", "income: drifted");
        JsonNode drift = ResultJson.mapper().readTree(json.toFile()).get("drift");
        assertThat(drift.get("datasetDrift").asBoolean()).isTrue();
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(drift.get("columns").get(0).fieldNames()).toIterable()
                .contains("name", "type", "method", "statistic", "pValue", "pValueAdjusted", "effectSize", "threshold", "drifted");
    }
}
