package io.jenkins.plugins.mldelivery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mldelivery.core.profile.DatasetProfile;
import io.jenkins.plugins.mldelivery.core.result.ResultJson;
import io.jenkins.plugins.mldelivery.core.validation.Schema;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

public class ProfileCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldDocumentEveryOptionWithAnExample() {
        CommandLineTester.Run run = CommandLineTester.run("profile", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data", "--out", "--infer-schema", "--delimiter", "--quote", "--missing", "--threads",
                "Example:", "ml-delivery profile --data");
    }

    @Test
    public void shouldWriteTheProfileAndAnInferredSchemaAndSummariseTheColumns() throws IOException {
        Path data = write("train.csv", "age;city;score\n34;Lyon;0.5\n41;Paris;-\n29;Lyon;0.75\n");
        Path profile = folder.getRoot().toPath().resolve("out/profile.json");
        Path schema = folder.getRoot().toPath().resolve("out/schema.json");

        CommandLineTester.Run run = CommandLineTester.run("profile", "--data", data.toString(), "--out", profile.toString(),
                "--infer-schema", schema.toString(), "--delimiter", "semicolon", "--missing", "-", "--threads", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("profile: 3 rows, 3 columns", "age (integer): 0.0% missing, 3 distinct, range 29..41",
                "score (decimal): 33.3% missing");
        DatasetProfile written = DatasetProfile.read(profile);
        assertThat(written.rows()).isEqualTo(3);
        assertThat(written.source().sha256()).hasSize(64);
        assertThat(Schema.read(schema).columns()).containsKeys("age", "city", "score");
    }

    @Test
    public void shouldWriteTheStepResultAsJson() throws IOException {
        Path data = write("data.csv", "a,b\n1,x\n2,y\n");
        Path json = folder.getRoot().toPath().resolve("result.json");

        CommandLineTester.Run run = CommandLineTester.run("profile", "--data", data.toString(), "--json", json.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode result = ResultJson.mapper().readTree(json.toFile());
        assertThat(result.get("step").asText()).isEqualTo("profile");
        assertThat(result.get("status").asText()).isEqualTo("PASSED");
        assertThat(result.get("rows").asLong()).isEqualTo(2);
        assertThat(result.get("inputs").get(0).get("sha256").asText()).hasSize(64);
    }

    @Test
    public void shouldExitWith2AndOneLineAndNoOutputForAnEmptyFile() throws IOException {
        Path data = write("empty.csv", "");
        Path profile = folder.getRoot().toPath().resolve("profile.json");

        CommandLineTester.Run run = CommandLineTester.run("profile", "--data", data.toString(), "--out", profile.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("profile: error: " + data + ": the file is empty; expected a header row with the column names");
        assertThat(profile).doesNotExist();
    }

    @Test
    public void shouldRejectAnUnknownTypeOrDelimiterWith2() throws IOException {
        Path data = write("data.csv", "a\n1\n");

        assertThat(CommandLineTester.run("profile", "--data", data.toString(), "--type", "a=number").err())
                .contains("--type a=number: unknown column type 'number'");
        assertThat(CommandLineTester.run("profile", "--data", data.toString(), "--delimiter", "::").exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
    }
}
