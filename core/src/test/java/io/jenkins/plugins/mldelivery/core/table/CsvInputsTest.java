package io.jenkins.plugins.mldelivery.core.table;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.jenkins.plugins.mldelivery.core.table.ColumnType.DECIMAL;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.INTEGER;
import static io.jenkins.plugins.mldelivery.core.table.ColumnType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files people really have: other delimiters, old line ends, streams, runaway fields. */
public class CsvInputsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path write(final String name, final String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void shouldDetectATabSeparatedFileWithoutBeingTold() throws IOException {
        CsvTable table = CsvTable.open(write("data.txt", "id\tscore\tsegment\n1\t0.5\tretail\n2\t1.5\tpremium, gold\n"),
                CsvFormat.defaults());

        assertThat(table.columns()).containsExactly("id", "score", "segment");
        assertThat(table.inferTypes()).containsExactly(INTEGER, DECIMAL, STRING);
        assertThat(table.delimiter().describe()).isEqualTo("tab-separated (detected; --delimiter to override)");
    }

    @Test
    public void shouldDetectASemicolonSeparatedEuropeanExportWithDecimalCommas() throws IOException {
        CsvTable table = CsvTable.open(write("export.csv", "name;amount;city\nA;1,5;Paris\nB;2,25;\"Lyon; Rhône\"\nC;3;Nice\n"),
                CsvFormat.defaults());

        assertThat(table.columns()).containsExactly("name", "amount", "city");
        assertThat(table.delimiter().delimiter()).isEqualTo(';');
        assertThat(values(table)).containsExactly(row("A", "1,5", "Paris"), row("B", "2,25", "Lyon; Rhône"), row("C", "3", "Nice"));
    }

    @Test
    public void shouldDetectPipesAndKeepCommasWhenTheyAreTheDelimiter() throws IOException {
        assertThat(CsvTable.open(write("a.csv", "a|b\n1|x,y\n"), CsvFormat.defaults()).delimiter().delimiter()).isEqualTo('|');
        assertThat(CsvTable.open(write("b.csv", "a,b,c\n1,\"x;y|z\",3\n"), CsvFormat.defaults()).delimiter().delimiter()).isEqualTo(',');
        assertThat(CsvTable.open(write("single.csv", "only\n1\n2\n"), CsvFormat.defaults()).columns()).containsExactly("only");
    }

    @Test
    public void shouldReadATsvFileAsTabSeparatedWhateverItsFirstRowsHold() throws IOException {
        CsvTable table = CsvTable.open(write("data.tsv", "note\n a, b, c\n"), CsvFormat.defaults());

        assertThat(table.columns()).containsExactly("note");
        assertThat(table.delimiter().describe()).isEqualTo("tab-separated (.tsv file; --delimiter to override)");
    }

    @Test
    public void shouldUseAGivenDelimiterAsItIs() throws IOException {
        CsvTable table = CsvTable.open(write("data.csv", "a;b\n1;2\n"), CsvFormat.defaults().withDelimiter(','));

        assertThat(table.columns()).containsExactly("a;b");
        assertThat(table.delimiter().describe()).isEqualTo("comma-separated (given)");
    }

    @Test
    public void shouldRefuseLinesEndingWithCarriageReturnsAloneWithAHint() throws IOException {
        Path file = write("mac.csv", "a,b\r1,2\r3,4\r");

        assertThatThrownBy(() -> CsvTable.open(file, CsvFormat.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ", row 1: ")
                .hasMessageContaining("end with CR alone")
                .hasMessageContaining("tr '\\r' '\\n'");
    }

    @Test(timeout = 20_000) // opening a pipe for reading blocks until someone writes
    public void shouldRefuseAPipeOrDeviceSayingStreamsAreNotRead() throws IOException, InterruptedException {
        Path fifo = folder.getRoot().toPath().resolve("stream.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        }
        catch (IOException e) {
            Assume.assumeNoException("mkfifo is not available", e);
            return;
        }
        Assume.assumeTrue(mkfifo.waitFor() == 0);

        for (Path stream : List.of(fifo, Path.of("/dev/null"))) {
            assertThatThrownBy(() -> CsvTable.open(stream, CsvFormat.defaults()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage(stream + ": not a regular file (a pipe, /dev/stdin or a device); the data is read in parallel "
                            + "chunks, which needs a file: save the stream to a file first");
        }
    }

    @Test
    public void shouldRefuseARecordLongerThanTheLimitNamingItsRow() throws IOException {
        Path file = folder.getRoot().toPath().resolve("blob.csv");
        byte[] blob = new byte[CsvTable.MAX_RECORD_BYTES + 1024];
        Arrays.fill(blob, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id,text\n1,short\n2,".getBytes(StandardCharsets.UTF_8));
            out.write(blob);
            out.write("\n3,short\n".getBytes(StandardCharsets.UTF_8));
        }
        CsvTable table = CsvTable.open(file, CsvFormat.defaults());

        assertThatThrownBy(() -> CollectedRows.read(table, List.of(INTEGER, STRING), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ", row 3: ")
                .hasMessageContaining("a record longer than 16 MiB");
        assertThatThrownBy(table::inferTypes)
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("a record longer than 16 MiB");
    }

    private static List<String> row(final String... values) {
        return Arrays.asList(values);
    }

    private static List<List<String>> values(final CsvTable table) {
        return CollectedRows.read(table, List.of(STRING, STRING, STRING), 1).stream().map(CollectedRows.Row::values).toList();
    }
}
