package io.jenkins.plugins.mldelivery.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The files people really have, on the command line: the delimiter is detected and said, options name what is wrong. */
public class CsvInputsCommandTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldProfileATabSeparatedFileAsItsColumnsAndSayTheDelimiter() throws IOException {
        Path data = write("data.txt", "id\tscore\tsegment\n1\t0.5\tretail\n2\t1.5\tpremium\n3\t2.5\tretail\n");

        CommandLineTester.Run run = CommandLineTester.run("profile", "--data", data.toString(), "--threads", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(data + ": tab-separated (detected; --delimiter to override)",
                "profile: 3 rows, 3 columns", "score (decimal)");
    }

    @Test
    public void shouldFailASemicolonExportAgainstItsSchemaOnlyForItsValuesNotForItsDelimiter() throws IOException {
        Path schema = write("schema.json", """
                {"columns": {"name": {"type": "string"}, "age": {"type": "integer", "min": 0}}}
                """);
        Path data = write("export.csv", "name;age\nAnna;34\nBen;41\n");

        CommandLineTester.Run run = CommandLineTester.run("validate", "--data", data.toString(), "--schema", schema.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(data + ": semicolon-separated (detected; --delimiter to override)");
    }

    @Test
    public void shouldNameTheUnknownColumnOfATypeOption() throws IOException {
        Path data = write("data.csv", "id,score\n1,0.5\n");

        CommandLineTester.Run run = CommandLineTester.run("profile", "--data", data.toString(), "--type", "nosuch=integer");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("profile: error: --type nosuch=integer: " + data
                + " has no column 'nosuch'; its columns are id, score");
    }
}
